import { loadLangWords, loadShortforms } from '../../intents/lexicon';
import { cleanText, Normaliser } from '../../intents/normalise';

const words = loadLangWords();
const n = new Normaliser(loadShortforms(), [...words.strong.ms, ...words.words.ms, ...words.strong.en, ...words.words.en, ...words.neutral]);
const norm = (s: string): string => n.normalise(s).text;

describe('normaliser', () => {
  test.each([
    ['camne nak reset pasword', 'macam mana nak reset password'],
    ['brp socso utk gaji 2.5k', 'berapa socso untuk gaji 2.5k'],
    ['PEGAWAI!!! SAYA NAK PEGAWAI', 'pegawai saya nak pegawai'],
    ['xleh log in', 'tak boleh login'],
    ['sy x ingat katalaluan', 'saya tak ingat kata laluan'],
    ['nk ckp dgn org', 'nak cakap dengan orang'],
    ['tlg, dh 3 kali salah pw', 'tolong dah 3 kali salah password'],
    ['how to regiter n upoad', 'how to register n upload'],
    ['pls help, I cant login', 'please help i cannot login'],
  ])('expands shortforms and typos: %s', (input, expected) => {
    expect(norm(input)).toBe(expected);
  });

  test('shortens stretched letters to the known word', () => {
    expect(norm('hiii')).toBe('hi');
    expect(norm('pleaseeee')).toBe('please');
    expect(norm('goooood morninggg')).toBe('good morning');
    expect(norm('Assalamualaikummm')).toBe('assalamualaikum');
  });

  test('spells out reduplication', () => {
    expect(norm('trima kasih byk2')).toBe('terima kasih banyak banyak');
    expect(norm('terima kasih banyak-banyak')).toBe('terima kasih banyak banyak');
  });

  test('drops punctuation and emoji but keeps amounts, dates and ids whole', () => {
    expect(norm('Hi 👋 gaji RM2,500.50, bulan 10/2024 😀')).toBe('hi gaji rm2500.50 bulan 10/2024');
    expect(norm('rm 3k?')).toBe('rm3k');
    expect(cleanText('IC: 900101-14-5673.')).toBe('ic 900101-14-5673');
  });

  test('a thumbs-up or folded hands is read as thanks', () => {
    expect(cleanText('👍')).toBe('thanks');
    expect(cleanText('ok 🙏')).toBe('ok thanks');
  });

  test('keeps the word an e-mail or web address stands for, not its pieces', () => {
    expect(norm('emel ali@contoh.com.my')).toBe('emel email');
    expect(norm('is https://assist.perkeso.gov.my/x real')).toBe('is url assist perkeso gov my real');
  });

  test('rewrites multi-word spellings', () => {
    expect(norm('user name and e-mail')).toBe('username and email');
    expect(norm('sign in')).toBe('login');
  });

  test('an empty or blank message gives no tokens', () => {
    expect(n.normalise('').tokens).toEqual([]);
    expect(n.normalise('  ?! 🙂 ').tokens).toEqual([]);
  });
});
