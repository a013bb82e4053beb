// React 19 only: the tag itself in JSX. React 19 sets `adapter` as a property and listens to
// `comment-posted` through `oncomment-posted`; article-comments/react/jsx types both.
import type {} from 'article-comments/react/jsx';
import 'article-comments/define';
import {useState} from 'react';
import {MemoryAdapter, type CommentPostedEvent} from 'article-comments/classes';
import {discussion} from './discussion.js';

const adapter = new MemoryAdapter({'example-direct': discussion});

export function DirectTags() {
  const [events, setEvents] = useState<string[]>([]);

  const onCommentPosted = (event: CommentPostedEvent) => {
    setEvents((lines) => [...lines, `comment-posted: ${event.comment.author.name}`]);
  };

  return (
    <>
      <article-comments thread="example-direct" adapter={adapter} oncomment-posted={onCommentPosted} data-events="events-direct" />
      <output id="events-direct">{events.join('\n')}</output>
    </>
  );
}
