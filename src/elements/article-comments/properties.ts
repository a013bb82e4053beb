import {LitElement} from 'lit';
import {property} from 'lit/decorators.js';
import type {CommentAdapter, Viewer} from '../../adapters/adapter.js';
import type {GenderStyle} from '../../i18n/de.js';
import type {SortOrder} from '../../model/comment.js';
import type {Filter} from '../../model/qa.js';
import {systemClock, type Clock} from '../../time/clock.js';

/**
 * The attributes and properties of `<article-comments>`, in one place: what a
 * publisher sets. The element (article-comments.ts) composes what they do.
 */
export class ArticleCommentsProperties extends LitElement {
  /** The discussion's id. Defaults to the page's path. */
  @property({reflect: true}) thread = '';

  /** Order of top-level comments: `newest`, `oldest` or `reactions` (where the backend offers it). Replies are always oldest first; pinned comments come first. */
  @property({reflect: true}) sort: SortOrder = 'newest';

  /** Top-level comments per page ("Weitere Kommentare laden" fetches the next). */
  @property({attribute: 'page-size', type: Number}) pageSize = 20;

  /** Reply levels that are indented; deeper replies name whom they answer ("Antwort an …") instead. */
  @property({attribute: 'max-depth', type: Number}) maxDepth = 3;

  /** Whether replies start `expanded` or `collapsed`. */
  @property() replies: 'expanded' | 'collapsed' = 'expanded';

  /** Longest comment accepted, in characters. Default: from the backend, else 2,000. */
  @property({attribute: 'max-length', type: Number}) maxLength?: number;

  /** Closes the discussion: comments stay readable (and can be reported), no new ones can be written. */
  @property({type: Boolean, reflect: true}) closed = false;

  /** When the discussion closes by itself (ISO 8601); at that moment the composer becomes the closed notice. */
  @property({attribute: 'closes-at'}) closesAt = '';

  /** The closed notice. Default: the backend's, else "Die Kommentarfunktion für diesen Artikel ist geschlossen." */
  @property({attribute: 'closed-message'}) closedMessage = '';

  /**
   * The publisher's report form, for backends that take no reports (e.g. Waline):
   * "Melden" links there, `{url}` replaced by the comment's permalink and `{id}` by its id.
   */
  @property({attribute: 'report-url'}) reportUrl = '';

  /** The netiquette, linked beside "Senden" and from a rejected comment's note. */
  @property({attribute: 'netiquette-url'}) netiquetteUrl = '';

  /** The privacy policy, linked beside "Senden". */
  @property({attribute: 'privacy-url'}) privacyUrl = '';

  /**
   * The publisher's login page, offered where writing needs signing in
   * ("Melden Sie sich an, um mitzudiskutieren."). `{return}` becomes the way
   * back: this article's address with `#` and the element's id (default
   * `#kommentare`); the reader's draft waits there, in the form it belongs to.
   */
  @property({attribute: 'login-url'}) loginUrl = '';

  /** The publisher's logout page, linked as "Abmelden" beside "Sie kommentieren als …". `{return}` as in `login-url`. */
  @property({attribute: 'logout-url'}) logoutUrl = '';

  /**
   * Who reads, when the publisher's page knows it (its own login): `{id, name, role?, email?}`,
   * or null for nobody. Undefined (default): the backend says. Set it again when the reader signs in or out.
   */
  @property({attribute: false}) viewer?: Viewer | null;

  /** The word on the reaction button (default "Empfehlen"), e.g. "Respekt". */
  @property({attribute: 'reaction-label'}) reactionLabel = '';

  /**
   * The view shown: `all`, `featured` (the editors' picks; offered when there is one), and in
   * question mode `answered` or `open`. A publisher may open the discussion on its picks.
   */
  @property({reflect: true}) filter: Filter = 'all';

  /** Level of the "6 Kommentare" heading in the page's outline (2–6). */
  @property({attribute: 'heading-level', type: Number}) headingLevel = 2;

  /** `light` (default), `dark`, or `auto` (follows the reader's system setting). */
  @property({reflect: true}) theme: 'light' | 'dark' | 'auto' = 'light';

  /**
   * The language: `de-DE`, `de-AT`, `de-CH` or `en`, or one added with `defineLocale()`. Default: the
   * `lang` of the element or its nearest ancestor, else `de-DE`. Languages other than German load on
   * demand. See docs/locales.md.
   */
  @property() locale = '';

  /** A look to start from: `neutral` (no colour of its own: the page's ink) or `classic` (serif names and headings, square corners). See docs/design.md. */
  @property({reflect: true}) preset?: 'neutral' | 'classic';

  /** `comfortable` (default) or `compact`: less space between comments, for long discussions. */
  @property({reflect: true}) density: 'comfortable' | 'compact' = 'comfortable';

  /** Shows initials on a colour from the name beside each name (no images, no requests). Off by default: see docs/design.md. */
  @property({type: Boolean, reflect: true}) avatars = false;

  /**
   * How role words are gendered: `colon` (default: "Autor:in", "Expert:in"), `pair` ("Autorin/Autor") or
   * `generic` ("Autor"). See docs/german-copy.md.
   */
  @property({attribute: 'gender-style', reflect: true}) genderStyle: GenderStyle = 'colon';

  /** Base URL of a backend that speaks the REST contract (docs/rest-api.md). */
  @property() src = '';

  /** Where the inline discussion and new posts live without `src`: `memory` (this visit) or `local` (this browser, shared by its tabs). */
  @property() storage: 'memory' | 'local' = 'memory';

  /** With `src`: milliseconds between checks for new comments when the server has no event stream. */
  @property({attribute: 'poll-interval', type: Number}) pollInterval = 30_000;

  /**
   * `eager` (default) loads at once; `lazy` loads nothing until the element is about 1,200 px from the
   * viewport or a link leads to it (`#comment-ID`, `#kommentare`, its id). See docs/loading.md.
   */
  @property({reflect: true}) loading: 'eager' | 'lazy' = 'eager';

  /** The backend. Without one: `src`, else the inline JSON (or an empty discussion). */
  @property({attribute: false}) adapter?: CommentAdapter;

  /** The clock all timestamps read; inject a `ManualClock` to pin "now". */
  @property({attribute: false}) clock: Clock = systemClock;
}
