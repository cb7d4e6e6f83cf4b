import Link from "next/link";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { CodeBlock } from "./code-block";
import "./highlight-theme.css";

const link = "font-medium text-brand-600 underline underline-offset-2 dark:text-brand-500";

// Document headings start below the page's own h1.
const components: Components = {
  a: ({ href = "", children }) =>
    href.startsWith("/") || href.startsWith("#") ? (
      <Link href={href} className={link}>
        {children}
      </Link>
    ) : (
      <a href={href} target="_blank" rel="noreferrer noopener" className={link}>
        {children}
      </a>
    ),
  h1: ({ children }) => <h2 className="mt-8 mb-3 text-xl font-semibold">{children}</h2>,
  h2: ({ children }) => (
    <h2 className="mt-8 mb-3 border-b border-slate-200 pb-1 text-xl font-semibold dark:border-slate-700">
      {children}
    </h2>
  ),
  h3: ({ children }) => <h3 className="mt-6 mb-2 text-lg font-semibold">{children}</h3>,
  h4: ({ children }) => <h4 className="mt-4 mb-2 font-semibold">{children}</h4>,
  p: ({ children }) => <p className="my-3 leading-relaxed">{children}</p>,
  ul: ({ children }) => <ul className="my-3 list-disc space-y-1 pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="my-3 list-decimal space-y-1 pl-6">{children}</ol>,
  li: ({ children }) => <li className="leading-relaxed">{children}</li>,
  pre: ({ children }) => <CodeBlock>{children}</CodeBlock>,
  code: ({ className, children }) =>
    className ? (
      <code className={className}>{children}</code>
    ) : (
      <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-slate-800">
        {children}
      </code>
    ),
  table: ({ children }) => (
    <div className="my-4 overflow-x-auto">
      <table className="min-w-full border-collapse text-left text-sm">{children}</table>
    </div>
  ),
  th: ({ children }) => (
    <th className="border border-slate-300 bg-slate-50 px-3 py-1.5 font-semibold dark:border-slate-600 dark:bg-slate-800">
      {children}
    </th>
  ),
  td: ({ children }) => (
    <td className="border border-slate-300 px-3 py-1.5 dark:border-slate-600">{children}</td>
  ),
  blockquote: ({ children }) => (
    <blockquote className="my-4 border-l-4 border-brand-500 bg-brand-50 px-4 py-2 text-slate-700 dark:bg-slate-900 dark:text-slate-300">
      {children}
    </blockquote>
  ),
  hr: () => <hr className="my-6 border-slate-200 dark:border-slate-700" />,
};

/**
 * GitHub-flavoured Markdown with highlighted code blocks (highlight.js classes
 * via rehype-highlight). Raw HTML in the source is not rendered, so runbook
 * text can never inject markup. Works in server components.
 */
export function MarkdownView({ markdown }: { markdown: string }) {
  return (
    <div className="markdown-body text-[15px] text-slate-800 dark:text-slate-200">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeHighlight, { detect: false }]]}
        components={components}
      >
        {markdown}
      </ReactMarkdown>
    </div>
  );
}
