/**
 * A long discussion (a few hundred comments) built from a fixed seed, so it
 * is the same on every machine and every day: same names, same texts, same
 * times before STORY_NOW.
 */
import type {CommentRecord} from '../../src/model/comment.js';
import {minutesBefore} from '../support/time.js';

/** mulberry32: a tiny seeded PRNG; the same seed always gives the same sequence. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Andreas', 'Birgit', 'Claudia', 'Dieter', 'Elke', 'Frank', 'Gabi', 'Hans', 'Ingrid', 'Jan', 'Karin', 'Lukas',
  'Monika', 'Nils', 'Olga', 'Petra', 'Ralf', 'Sabine', 'Tobias', 'Ute', 'Volker', 'Wiebke', 'Yusuf', 'Zeynep',
];
const LAST = [
  'Albrecht', 'Bauer', 'Christ', 'Dietrich', 'Engel', 'Fischer', 'Graf', 'Hartmann', 'Jung', 'Keller', 'Lange',
  'Maier', 'Nowak', 'Otto', 'Pohl', 'Roth', 'Schulz', 'Thiel', 'Ulrich', 'Vogel', 'Winkler', 'Zimmermann',
];
const HANDLES = ['E-Fan_HH', 'Benzinbruder', 'Kurvenräuber', 'Stromer2030', 'tifosa_muc', 'Ladesäulenlotse', 'V12forever'];

const OPENERS = [
  'Interessanter Artikel.',
  'Ich sehe das etwas anders.',
  'Das war doch abzusehen.',
  'Endlich berichtet mal jemand darüber.',
  'Ehrlich gesagt überrascht mich das nicht.',
  'Gute Zusammenfassung, danke.',
  'Da muss ich widersprechen.',
];
const THOUGHTS = [
  'Ohne Partner wird Ferrari die Batterietechnik nicht allein stemmen können.',
  'Die Marke lebt vom Klang, den wird ein Elektroauto nie haben.',
  'Leapmotor ist in China längst kein Unbekannter mehr.',
  'Wer eine halbe Million für ein Auto ausgibt, fragt nicht nach dem Herkunftsland der Zellen.',
  'In zehn Jahren redet niemand mehr über Verbrenner.',
  'Die Ladeinfrastruktur in Italien ist noch weit hinter der in Deutschland.',
  'Porsche hat mit dem Taycan gezeigt, dass es geht.',
  'Ich hoffe, sie machen nicht dieselben Fehler wie andere europäische Hersteller.',
  'Die Zulassungszahlen sprechen eine deutliche Sprache.',
  'Am Ende entscheidet die Software, nicht der Motor.',
];
const CLOSERS = ['', '', 'Mal sehen, was daraus wird.', 'Nur meine Meinung.', 'Grüße aus Bremen.', 'Wir werden sehen.'];
const REPLIES = [
  'Sehe ich genauso.',
  'Hast du dafür eine Quelle?',
  'Das stimmt so nicht ganz.',
  'Guter Punkt, daran hatte ich nicht gedacht.',
  'Abwarten, die Ankündigung ist noch ganz frisch.',
  'Genau das habe ich oben auch geschrieben.',
];

/**
 * `topLevel` comments, most with a few replies (about 2.5 comments per
 * thread on average), spread over the three days before STORY_NOW.
 */
export function longDiscussion(topLevel = 120, seed = 2026, spreadMinutes?: number): CommentRecord[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const name = (): string => (random() < 0.2 ? pick(HANDLES) : `${pick(FIRST)} ${pick(LAST)}`);
  const records: CommentRecord[] = [];
  let minutes = 3 * 24 * 60;
  for (let i = 1; i <= topLevel; i++) {
    // Top-level comments come closer together as the discussion gets going;
    // with `spreadMinutes` they are spread over that time instead (large benchmarks).
    if (spreadMinutes) minutes = Math.round(spreadMinutes * (1 - (i - random()) / topLevel) ** 1.5);
    else minutes -= 1 + Math.floor(random() * (minutes > 600 ? 40 : 6));
    const id = `g${i}`;
    const thought = pick(THOUGHTS);
    const another = random() < 0.5 ? pick(THOUGHTS.filter((other) => other !== thought)) : '';
    const sentences = [pick(OPENERS), thought, another, pick(CLOSERS)];
    records.push({
      id,
      parentId: null,
      author: {name: name(), role: random() < 0.03 ? 'staff' : 'reader'},
      body: sentences.filter(Boolean).join(' '),
      createdAt: minutesBefore(Math.max(minutes, 1)),
    });
    const replies = Math.floor(random() * random() * 6);
    let parent = id;
    let replyMinutes = minutes;
    for (let r = 1; r <= replies; r++) {
      replyMinutes = Math.max(1, replyMinutes - 1 - Math.floor(random() * 30));
      const replyId = `${id}-r${r}`;
      records.push({
        id: replyId,
        parentId: parent,
        author: {name: name()},
        body: `${pick(REPLIES)} ${random() < 0.5 ? pick(THOUGHTS) : ''}`.trim(),
        createdAt: minutesBefore(replyMinutes),
      });
      // About a third of the replies answer the previous reply instead of the thread's start.
      if (random() < 0.35) parent = replyId;
    }
  }
  return records;
}
