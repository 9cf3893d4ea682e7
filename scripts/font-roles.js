// Which text of an edition each font role sets, shared by the subsetting script and its test.
// A path walks the edition: `a.b` is a field, `[]` every item of a list. Headings are in the
// body role too: the kicker and subheads are set in the body face, and the reader may set any.

export const ROLE_TEXT = {
  masthead: ['title'],
  headline: [
    'articles[].headline',
    'articles[].kicker',
    'articles[].banner',
    'articles[].subheads[]',
    'ear.day',
    'ear.pagesToday',
    'footer.prompt',
    'pages[].label',
  ],
  body: [
    'articles[].headline',
    'articles[].kicker',
    'articles[].banner',
    'articles[].subheads[]',
    'articles[].paragraphs[]',
    'articles[].bylines[]',
    'articles[].photos[].caption',
    'articles[].photos[].credit',
    'articles[].photos[].alt',
    'masthead.publisher',
    'masthead.serial',
    'masthead.titleLatin',
    'ear.yearMonth',
    'ear.weekday',
    'ear.lunarDate',
    'ear.issue',
    'ear.weather',
    'ear.temperature',
    'ear.pagesToday',
    'footer.prompt',
    'footer.channels[].name',
    'footer.channels[].kind',
    'issue',
    'pages[].section',
    'rights.attribution',
  ],
};

/** The strings `path` reaches in `data`. */
export function pick(data, path) {
  let values = [data];
  for (const step of path.split('.')) {
    const many = step.endsWith('[]');
    const key = many ? step.slice(0, -2) : step;
    values = values.flatMap((value) => {
      const next = value?.[key];
      if (next === undefined || next === null) return [];
      return many ? (Array.isArray(next) ? next : []) : [next];
    });
  }
  return values.filter((value) => typeof value === 'string');
}

/** All the text a role sets in an edition. */
export const roleText = (edition, role) => ROLE_TEXT[role].flatMap((path) => pick(edition, path)).join('');
