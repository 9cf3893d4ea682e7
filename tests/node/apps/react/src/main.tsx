// React 19 with its own custom-element support: props the element has are set as properties,
// `on` + an event's type is a listener of that event (`one-paper-ready` for `e-paper-ready`).
// `e-paper/react` registers <e-paper> and gives it its JSX type.
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'e-paper/react';
import type { EPaper } from 'e-paper';

function App() {
  const [status, setStatus] = useState('loading');
  const paper = useRef<EPaper>(null);
  return (
    <>
      <output id="status">{status}</output>
      <button type="button" onClick={() => paper.current?.openArticle('a3')}>
        Open a3
      </button>
      <e-paper
        ref={paper}
        src="/demo/editions/zhuzhou-daily-2021-01-08.json"
        storageKey="react-app"
        one-paper-ready={(event) => setStatus(`ready ${event.detail.editionId} ${event.detail.page}`)}
        one-paper-article-open={(event) => setStatus(`open ${event.detail.articleId}`)}
      />
    </>
  );
}

/** Never rendered: what the types refuse. */
export function Misuse() {
  // @ts-expect-error: 'sepia' is not a theme ('light' | 'dark')
  return <e-paper theme="sepia" />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
