/**
 * `import 'article-comments'`: registers both elements and exports the API.
 * For the API without registering tags, import `article-comments/classes`.
 */
import './define.js';

export * from './classes.js';
