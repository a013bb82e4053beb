import {useState} from 'react';
import {MemoryAdapter, type CommentPostedEvent} from 'article-comments/classes';
import {ArticleComments} from 'article-comments/react';
import {discussion} from './discussion.js';

// In memory, no server: what readers post lives as long as the page.
const adapter = new MemoryAdapter({example: discussion});

export function App() {
  const [events, setEvents] = useState<string[]>([]);

  const onCommentPosted = (event: CommentPostedEvent) => {
    setEvents((lines) => [...lines, `comment-posted: ${event.comment.author.name}`]);
  };

  return (
    <>
      <ArticleComments thread="example" adapter={adapter} onCommentPosted={onCommentPosted} />
      <output id="events">{events.join('\n')}</output>
    </>
  );
}
