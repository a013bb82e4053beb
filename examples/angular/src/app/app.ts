import {ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, signal} from '@angular/core';
// Registers <article-comments>, <comment-reply>, <comment-report> and <comment-count>.
import {MemoryAdapter, type CommentPostedEvent} from 'article-comments';
import {discussion, thread} from './discussion';

@Component({
  selector: 'app-root',
  // The package's tags are custom elements: Angular binds their properties and events as they are.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main>
      <h1>article-comments in Angular</h1>
      <article-comments [thread]="thread" [adapter]="adapter" (comment-posted)="onPosted($event)"></article-comments>
      <output id="events">{{ events().join('\\n') }}</output>
    </main>
  `,
  styles: `
    #events {
      display: block;
      white-space: pre-line;
      font-family: monospace;
    }
  `,
})
export class App {
  protected readonly thread = thread;
  // Any backend: here the in-memory one, seeded with the discussion.
  protected readonly adapter = new MemoryAdapter({[thread]: discussion});
  protected readonly events = signal<string[]>([]);

  protected onPosted(event: CommentPostedEvent): void {
    this.events.update((lines) => [...lines, `comment-posted: ${event.comment.author.name}`]);
  }
}
