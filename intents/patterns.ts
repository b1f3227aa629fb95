// Regular expressions shared by the normaliser, entity extraction and redaction.

export const EMAIL_RE = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

/** http(s) links, www. links and bare host names on common Malaysian and generic domains. */
export const URL_RE =
  /\b(?:https?:\/\/[^\s<>"']+|www\.[^\s<>"']+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov\.my|com\.my|org\.my|net\.my|edu\.my|my|com|net|org|io|info|xyz|top|site|online|link)\b(?:\/[^\s<>"']*)?)/gi;
