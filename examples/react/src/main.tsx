import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
import {App} from './App.js';
import {DirectTags} from './DirectTags.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <h1>Mit dem Wrapper aus article-comments/react</h1>
    <App />
    <h1>Mit dem Tag direkt (React 19)</h1>
    <DirectTags />
  </StrictMode>
);
