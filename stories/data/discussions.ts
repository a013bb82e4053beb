/**
 * Hand-written discussions for the stories, each showing one kind of thread.
 * All names are made up. Dates are fixed ISO times before STORY_NOW
 * (2026-11-25T14:03:00Z), so every relative time is stable.
 */
import type {CommentRecord} from '../../src/model/comment.js';
import demoPage from '../../demo/index.html?raw';

/** The discussion the demo page embeds, read from the page itself so there is one copy. */
export const ferrari = JSON.parse(
  /<article-comments[^>]*>\s*<script type="application\/json">([\s\S]*?)<\/script>/.exec(demoPage)![1]
) as CommentRecord[];

/** The Ferrari discussion with answers from the newsroom ("Redaktion") and the article's author ("Autor:in"). */
export const withStaff: CommentRecord[] = [
  ...ferrari,
  {
    id: 'c7',
    parentId: 'c4',
    author: {name: 'Julia Weber', role: 'staff'},
    body:
      'Hallo Sabine K., danke für den Hinweis. Wir haben Leapmotor und Ferrari um eine Stellungnahme gebeten ' +
      'und ergänzen den Artikel, sobald sie vorliegt.\n\nJulia Weber, Leserdialog Auto-Kurier',
    createdAt: '2026-11-25T08:15:00Z',
  },
  {
    id: 'c8',
    parentId: 'c1',
    author: {name: 'Martin Krause', role: 'author'},
    body:
      'Ferrari ist seit 2016 ein eigenständiges, börsennotiertes Unternehmen und gehört nicht mehr zu Fiat ' +
      'oder Stellantis. Die Familie Agnelli hält über Exor aber weiterhin einen großen Anteil.',
    createdAt: '2026-11-25T13:58:00Z',
  },
];

/** Pending, deleted and removed comments, each with replies that stay in place. */
export const moderated: CommentRecord[] = [
  {
    id: 'm1',
    author: {name: 'Jens Hoffmann'},
    body: 'Ich fahre seit drei Jahren elektrisch. Die Reichweite ist im Alltag kein Thema mehr, die Ladepreise an der Autobahn schon.',
    createdAt: '2026-11-25T10:12:00Z',
  },
  {
    id: 'm2',
    parentId: 'm1',
    author: {name: 'Stammtisch_Horst'},
    body: 'Entfernt wegen Beleidigung.',
    createdAt: '2026-11-25T10:40:00Z',
    status: 'removed',
  },
  {
    id: 'm3',
    parentId: 'm2',
    author: {name: 'Claudia Neumann'},
    body: 'Schade, dass man jetzt nicht mehr sieht, worauf ich geantwortet habe. Sachlich bleiben hilft allen.',
    createdAt: '2026-11-25T11:02:00Z',
  },
  {
    id: 'm4',
    parentId: 'm1',
    author: {name: 'Anna-Lena Vogt'},
    body: 'Noch nicht freigeschaltet.',
    createdAt: '2026-11-25T13:51:00Z',
    status: 'pending',
  },
  {
    id: 'm5',
    author: {name: 'Paul Richter'},
    body: 'Vom Verfasser gelöscht.',
    createdAt: '2026-11-25T08:30:00Z',
    status: 'deleted',
  },
  {
    id: 'm6',
    parentId: 'm5',
    author: {name: 'Thomas Weber'},
    body: 'Wollte gerade antworten, jetzt ist der Kommentar weg. Trotzdem: 2026 kommt der erste elektrische Ferrari, das stand im Artikel.',
    createdAt: '2026-11-25T09:05:00Z',
  },
  {
    id: 'm7',
    parentId: 'm6',
    author: {name: 'Heike Sommer'},
    body: 'Stimmt, Ende 2026. Ich bin gespannt, wie er klingt.',
    createdAt: '2026-11-25T09:47:00Z',
    editedAt: '2026-11-25T09:52:00Z',
  },
];

/**
 * One argument eight replies deep. With max-depth 3, replies from level 4 on
 * keep the indentation and say "Antwort an @Name" instead.
 */
export const deep: CommentRecord[] = [
  ['d1', null, 'Karl-Heinz Brandt', 'Ohne Ladesäulen auf dem Land wird das nichts mit der E-Mobilität. Bei uns im Dorf gibt es genau eine.', '2026-11-24T07:10:00Z'],
  ['d2', 'd1', 'Birgit Lorenz', 'Die meisten laden doch zu Hause. Öffentliche Säulen braucht man auf dem Land viel seltener als in der Stadt.', '2026-11-24T07:32:00Z'],
  ['d3', 'd2', 'Mehmet Yılmaz', 'Zu Hause laden kann aber nur, wer eine Garage oder einen Stellplatz hat. Als Mieter hat man da oft schlechte Karten.', '2026-11-24T08:05:00Z'],
  ['d4', 'd3', 'Sophie Krämer', 'Seit 2020 gibt es einen Anspruch auf eine Wallbox, auch für Mieter. Der Vermieter darf nur bei der Ausführung mitreden.', '2026-11-24T08:41:00Z'],
  ['d5', 'd4', 'Jürgen Wolff', 'Anspruch ja, aber zahlen muss man selbst. Mit Anschluss und Elektriker waren das bei mir fast 2.000 €.', '2026-11-24T09:15:00Z'],
  ['d6', 'd5', 'Lena Schubert', 'Dafür spart man beim Strom. Bei 15.000 km im Jahr hat sich das nach gut zwei Jahren gerechnet.', '2026-11-24T10:02:00Z'],
  ['d7', 'd6', 'Dieter Hahn', 'Nur wenn der Strompreis so bleibt. Ich traue den Prognosen nicht mehr.', '2026-11-24T11:26:00Z'],
  ['d8', 'd7', 'Fatma Demir', 'Ein Benzinpreis-Versprechen gibt es auch nicht. Am Ende muss das jeder für sich ausrechnen.', '2026-11-24T12:48:00Z'],
].map(([id, parentId, name, body, createdAt]) => ({
  id: id as string,
  parentId: parentId as string | null,
  author: {name: name as string},
  body: body as string,
  createdAt: createdAt as string,
}));

/** Text that has to wrap anywhere: a very long comment, an unbroken word, a long URL, a long name. */
export const longText: CommentRecord[] = [
  {
    id: 'l1',
    author: {name: 'Dr. Friederike Schneider-Hohenstein'},
    body: [
      'Ich möchte hier einmal etwas ausführlicher werden, weil in der Diskussion vieles durcheinandergeht.',
      'Erstens: Ferrari ist seit dem Börsengang 2015 und der Abspaltung von Fiat Chrysler Anfang 2016 ein eigenständiges Unternehmen. ' +
        'Die Verbindung zu Stellantis besteht nur noch über den gemeinsamen Großaktionär Exor, die Holding der Familie Agnelli. ' +
        'Technisch teilen sich die beiden Konzerne heute so gut wie nichts mehr, weder Plattformen noch Motoren.',
      'Zweitens: Eine Plattform für Elektroautos zu entwickeln kostet Milliarden. Ein Hersteller, der im Jahr rund 14.000 Autos baut, ' +
        'kann diese Summe kaum auf genug Fahrzeuge verteilen. Deshalb ist es naheliegend, sich Batterietechnik, Zellchemie oder ' +
        'Leistungselektronik bei einem Partner zu holen, der in ganz anderen Stückzahlen denkt.',
      'Drittens: Dass dieser Partner aus China kommt, ist kein Zufall. Chinesische Hersteller sind bei Batterien und Software ' +
        'inzwischen vielen europäischen Konzernen voraus, und sie bauen deutlich günstiger. Die Sorge, dass Wissen abfließt, ' +
        'ist berechtigt, aber sie gilt in beide Richtungen: Ferrari bringt Design, Fahrdynamik und eine Marke mit, die man ' +
        'nicht kopieren kann.',
      'Viertens, und das ist mir am wichtigsten: Niemand kauft einen Ferrari, weil er besonders günstig produziert wurde. ' +
        'Ob die Zellen aus Maranello, aus Ungarn oder aus Hangzhou kommen, wird für die Kundschaft am Ende weniger zählen als ' +
        'die Frage, ob sich das Auto noch wie ein Ferrari anfühlt. Genau daran wird sich die Partnerschaft messen lassen müssen.',
      'Ich bin gespannt auf den ersten elektrischen Ferrari und auf die ersten Probefahrten.\nMit freundlichen Grüßen aus Stuttgart',
    ].join('\n\n'),
    createdAt: '2026-11-25T12:03:00Z',
  },
  {
    id: 'l2',
    author: {name: 'Donaudampfschifffahrtsgesellschaftskapitänsmützenträger_1987'},
    body:
      'Das längste Wort, das mir dazu einfällt: Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetzänderungsverordnungsentwurfsbegründungstext. ' +
      'Und die Quelle zu den Zulassungszahlen: https://www.kraftfahrt-bundesamt.de/SharedDocs/Downloads/DE/Statistik/Fahrzeuge/FZ10/fz10_2026_10.xlsx?__blob=publicationFile&v=3&utm_source=leserkommentar&utm_medium=diskussion',
    quote: {
      text: 'Konkrete Verhandlungen über eine Kooperation der beiden Marken gibt es jedoch noch nicht, das wollte Leapmotor bei Reuters auch klar betonen.',
      source: 'article',
    },
    createdAt: '2026-11-25T13:02:00Z',
  },
  {
    id: 'l3',
    parentId: 'l2',
    author: {name: 'ÄÖÜ_ßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßßß'},
    body: 'NEIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIN!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
    createdAt: '2026-11-25T13:40:00Z',
  },
];

/** Right-to-left and other scripts inside a German thread. */
export const mixedScript: CommentRecord[] = [
  {
    id: 'r1',
    author: {name: 'Yasmin Haddad'},
    body: 'Bei uns in Beirut sagt man: «السيارة الكهربائية هي المستقبل» – das Elektroauto ist die Zukunft. Leapmotor heißt auf Chinesisch übrigens 零跑汽车.',
    createdAt: '2026-11-25T11:20:00Z',
  },
  {
    id: 'r2',
    parentId: 'r1',
    author: {name: 'سامر الخطيب'},
    body: 'أتفق معك تماماً. الشراكة مع شركة صينية منطقية من الناحية الاقتصادية، لكن فيراري يجب أن تحافظ على هويتها.\n\nAuf Deutsch: Ich stimme dir zu, aber Ferrari muss Ferrari bleiben.',
    createdAt: '2026-11-25T11:48:00Z',
  },
  {
    id: 'r3',
    parentId: 'r2',
    author: {name: 'Noa Ben-David'},
    body: 'Auf Hebräisch würde ich sagen: „פרארי חשמלית? למה לא!“ Ferrari elektrisch? Warum nicht!',
    quote: {text: 'الشراكة مع شركة صينية منطقية من الناحية الاقتصادية', source: 'r2'},
    createdAt: '2026-11-25T12:30:00Z',
  },
  {
    id: 'r4',
    author: {name: '王小明'},
    body: '零跑 (Leapmotor) gehört übrigens zu 15 % Stellantis. 所以这并不奇怪。',
    createdAt: '2026-11-25T13:15:00Z',
  },
];

/** Records with the problems the README lists: the widget repairs or drops them and says so once. */
export const badData: unknown[] = [
  {id: 'b1', author: {name: 'Ursula Franke'}, body: 'Dieser Kommentar ist in Ordnung.', createdAt: '2026-11-25T12:00:00Z'},
  {id: 'b2', author: {}, body: 'Hier fehlt der Name.', createdAt: '2026-11-25T12:10:00Z'},
  {id: 'b3', author: {name: 'Gerd Baumann'}, createdAt: '2026-11-25T12:20:00Z'},
  {id: 'b4', parentId: 'b3', author: {name: 'Ilse Kuhn'}, body: 'Die Antwort bleibt, auch wenn der Kommentar darüber kaputt ist.', createdAt: '2026-11-25T12:25:00Z'},
  {id: 'b5', author: {name: 'Ralf Peters'}, body: 'Datum unlesbar.', createdAt: 'gestern Abend'},
  {id: 'b1', author: {name: 'Doppelt'}, body: 'Gleiche ID wie der erste.', createdAt: '2026-11-25T12:30:00Z'},
];

const chainStart = Date.parse('2026-11-24T18:00:00Z');

/** Two readers answering each other 40 times: from the fourth level on, one flat list, each naming whom it answers. */
export const longChain: CommentRecord[] = Array.from({length: 41}, (_, i) => ({
  id: `k${i}`,
  parentId: i === 0 ? null : `k${i - 1}`,
  author: {name: i % 2 ? 'Tobias Ebert' : 'Annika Vogt'},
  body: i === 0 ? 'Ein Ferrari-SUV mit chinesischer Plattform? Das hätte ich vor zehn Jahren für einen Aprilscherz gehalten.' : `Dann ist es eben so (Antwort ${i}).`,
  createdAt: new Date(chainStart + i * 90_000).toISOString(),
}));

/** One comment with 1,050 replies: the first 1,000 shown, then "Weitere Antworten anzeigen (50)". */
export const manyReplies: CommentRecord[] = [
  {id: 'm0', parentId: null, author: {name: 'Redaktion Auto', role: 'staff'}, body: 'Was halten Sie von der Kooperation? Wir sammeln Ihre Meinungen.', createdAt: '2026-11-24T12:00:00Z'},
  ...Array.from({length: 1050}, (_, i) => ({
    id: `m${i + 1}`,
    parentId: 'm0',
    author: {name: `Leserin ${i + 1}`},
    body: `Meinung Nummer ${i + 1}: ${i % 2 ? 'Gut für Ferrari.' : 'Schlecht für die Marke.'}`,
    createdAt: new Date(Date.parse('2026-11-24T12:01:00Z') + i * 20_000).toISOString(),
  })),
];

/** A comment of about 6,000 characters in many paragraphs: shown shortened with "Weiterlesen". */
export const veryLongComment: CommentRecord[] = [
  {
    id: 'v1',
    author: {name: 'Prof. Dr. Hartmut Kessler'},
    body: Array.from(
      {length: 14},
      (_, i) =>
        `${i + 1}. Abschnitt: Die Zusammenarbeit zwischen Ferrari und Leapmotor wirft Fragen auf, die weit über die Marke hinausgehen. ` +
        'Es geht um Plattformen, Zulieferketten, Software und um die Frage, wie viel Italien in einem Ferrari stecken muss, damit er noch einer ist. ' +
        'Wer das für nebensächlich hält, unterschätzt, wie sehr Kunden in diesem Segment für Herkunft bezahlen.'
    ).join('\n\n'),
    createdAt: '2026-11-25T09:30:00Z',
  },
  {id: 'v2', parentId: 'v1', author: {name: 'Jana Pohl'}, body: 'Danke für die ausführliche Einordnung!', createdAt: '2026-11-25T10:05:00Z'},
];

/** The reader's own comment, rejected by the moderators. */
export const rejected: CommentRecord = {
  id: 'r1',
  author: {name: 'Hitzkopf_74'},
  body: 'Wer so einen Unsinn schreibt, sollte lieber gar nichts mehr schreiben.',
  createdAt: '2026-11-25T13:40:00Z',
  status: 'rejected',
};

/** Recommended comments, an editors' pick and a pinned note from the newsroom. */
export const withReactions: CommentRecord[] = [
  {id: 'p0', author: {name: 'Redaktion Auto', role: 'staff'}, body: 'Bitte bleiben Sie sachlich: Wir moderieren diese Diskussion.', createdAt: '2026-11-25T08:00:00Z', pinned: true},
  {id: 'p1', author: {name: 'Claudia Brenner'}, body: 'Die Plattform ist nur die halbe Wahrheit: Entscheidend ist, wer die Software schreibt.', createdAt: '2026-11-25T12:10:00Z', reactions: 48, featured: true},
  {id: 'p2', author: {name: 'Tifosi_1947'}, body: 'Ein Ferrari aus China? Enzo würde sich im Grab umdrehen.', createdAt: '2026-11-25T12:40:00Z', reactions: 7, reacted: true},
  {id: 'p3', parentId: 'p2', author: {name: 'M. Brenner'}, body: 'Gebaut wird weiter in Maranello, nur die Plattform kommt von Leapmotor.', createdAt: '2026-11-25T13:05:00Z', reactions: 12},
];

/** A discussion in question mode: an answered question (the answer first) and an open one. */
export const questions: CommentRecord[] = [
  {id: 'q1', author: {name: 'Jonas Keller'}, body: 'Wird es den elektrischen Ferrari auch in Deutschland zu kaufen geben?', createdAt: '2026-11-25T10:00:00Z'},
  {id: 'q1r', parentId: 'q1', author: {name: 'Petra S.'}, body: 'Das würde mich auch interessieren.', createdAt: '2026-11-25T10:05:00Z'},
  {id: 'q1a', parentId: 'q1', author: {name: 'Julia Weber', role: 'staff'}, body: 'Ja, Ferrari plant den Marktstart in Europa für Ende 2027, Deutschland eingeschlossen.', createdAt: '2026-11-25T10:30:00Z'},
  {id: 'q2', author: {name: 'Aylin Demir'}, body: 'Wie viel Reichweite wird das Modell haben?', createdAt: '2026-11-25T11:15:00Z'},
];
