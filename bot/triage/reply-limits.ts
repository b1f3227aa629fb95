// Shared by the reply route and the staff page's form.

/** An e-mail an employer reads in one go; longer answers belong in a call. */
export const MAX_REPLY = 3000;
