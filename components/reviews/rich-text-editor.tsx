"use client";

// Rich text for proposal bodies (Tiptap): a small toolbar, markdown shortcuts while typing
// ("## " for a heading, "- " for a list, **bold**), or plain markdown in a text box. Whatever is
// written is sanitised on the server before it is stored.
import { useState } from "react";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { Bold, Heading2, Heading3, Italic, Link2, List, ListOrdered, Quote, Redo2, Undo2 } from "lucide-react";
import { cn } from "@/lib/cn";
import { Textarea } from "@/components/ui/field";
import { RICH_TEXT_CLASS } from "./rich-text-style";

export type TBodyValue = { body: string; bodyFormat: "html" | "markdown" };

function ToolButton({ label, active, onClick, children, disabled }: { label: string; active?: boolean; onClick: () => void; children: React.ReactNode; disabled?: boolean }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={cn("inline-flex h-8 w-8 items-center justify-center rounded text-slate-600 hover:bg-slate-100 disabled:opacity-40", active && "bg-slate-200 text-slate-900")}
    >
      {children}
    </button>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
      undo: e.can().undo(),
      redo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  function link() {
    const previous = editor.getAttributes("link").href as string | undefined;
    const url = window.prompt("Link to (https://…)", previous ?? "https://");
    if (url === null) return;
    if (!url.trim() || url === "https://") chain().extendMarkRange("link").unsetLink().run();
    else chain().extendMarkRange("link").setLink({ href: url.trim() }).run();
  }
  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-0.5 border-b border-slate-200 px-1.5 py-1">
      <ToolButton label="Bold" active={s.bold} onClick={() => chain().toggleBold().run()}>
        <Bold aria-hidden className="h-4 w-4" />
      </ToolButton>
      <ToolButton label="Italic" active={s.italic} onClick={() => chain().toggleItalic().run()}>
        <Italic aria-hidden className="h-4 w-4" />
      </ToolButton>
      <ToolButton label="Heading" active={s.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        <Heading2 aria-hidden className="h-4 w-4" />
      </ToolButton>
      <ToolButton label="Subheading" active={s.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        <Heading3 aria-hidden className="h-4 w-4" />
      </ToolButton>
      <ToolButton label="Bulleted list" active={s.bullet} onClick={() => chain().toggleBulletList().run()}>
        <List aria-hidden className="h-4 w-4" />
      </ToolButton>
      <ToolButton label="Numbered list" active={s.ordered} onClick={() => chain().toggleOrderedList().run()}>
        <ListOrdered aria-hidden className="h-4 w-4" />
      </ToolButton>
      <ToolButton label="Quote" active={s.quote} onClick={() => chain().toggleBlockquote().run()}>
        <Quote aria-hidden className="h-4 w-4" />
      </ToolButton>
      <ToolButton label="Link" active={s.link} onClick={link}>
        <Link2 aria-hidden className="h-4 w-4" />
      </ToolButton>
      <span className="mx-1 w-px self-stretch bg-slate-200" aria-hidden />
      <ToolButton label="Undo" disabled={!s.undo} onClick={() => chain().undo().run()}>
        <Undo2 aria-hidden className="h-4 w-4" />
      </ToolButton>
      <ToolButton label="Redo" disabled={!s.redo} onClick={() => chain().redo().run()}>
        <Redo2 aria-hidden className="h-4 w-4" />
      </ToolButton>
    </div>
  );
}

export function RichTextEditor({ id, labelId, value, onChange, invalid }: { id: string; labelId: string; value: TBodyValue; onChange: (v: TBodyValue) => void; invalid?: boolean }) {
  const [mode, setMode] = useState<"html" | "markdown">(value.bodyFormat);
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] }, link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"] } })],
    content: value.bodyFormat === "html" ? value.body : "",
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        "aria-invalid": invalid ? "true" : "false",
        class: cn(RICH_TEXT_CLASS, "min-h-56 px-3 py-2 focus:outline-none"),
      },
    },
    onUpdate: ({ editor: e }) => onChange({ body: e.isEmpty ? "" : e.getHTML(), bodyFormat: "html" }),
  });


  async function toRichText() {
    // Markdown typed so far becomes rich text (the server sanitises whatever is sent).
    const { marked } = await import("marked");
    const html = value.bodyFormat === "markdown" && value.body.trim() ? (marked.parse(value.body, { async: false, gfm: true, breaks: true }) as string) : "";
    editor?.commands.setContent(html);
    setMode("html");
    onChange({ body: editor?.isEmpty ? "" : (editor?.getHTML() ?? ""), bodyFormat: "html" });
  }

  const richEmpty = !editor || editor.isEmpty;
  return (
    <div className={cn("overflow-hidden rounded-md border bg-white shadow-sm focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-200", invalid ? "border-red-400" : "border-slate-300")}>
      <div className="flex items-center justify-between gap-2 border-b border-slate-100 bg-slate-50 px-2 py-1 text-xs">
        <div role="radiogroup" aria-label="Write as" className="inline-flex gap-1">
          <button type="button" role="radio" aria-checked={mode === "html"} onClick={() => mode === "markdown" && void toRichText()} className={cn("rounded px-2 py-1 font-medium", mode === "html" ? "bg-white text-slate-900 shadow-sm" : "text-slate-500")}>
            Rich text
          </button>
          <button
            type="button"
            role="radio"
            aria-checked={mode === "markdown"}
            disabled={mode === "html" && !richEmpty}
            title={mode === "html" && !richEmpty ? "Markdown is available while the text is empty" : undefined}
            onClick={() => {
              setMode("markdown");
              onChange({ body: "", bodyFormat: "markdown" });
            }}
            className={cn("rounded px-2 py-1 font-medium disabled:opacity-40", mode === "markdown" ? "bg-white text-slate-900 shadow-sm" : "text-slate-500")}
          >
            Markdown
          </button>
        </div>
        <span className="text-slate-500">{mode === "html" ? "Tip: ## heading, - list, **bold**" : "GitHub-flavoured markdown"}</span>
      </div>
      {mode === "html" ? (
        <>
          {editor && <Toolbar editor={editor} />}
          <EditorContent editor={editor} />
        </>
      ) : (
        <Textarea
          id={id}
          aria-labelledby={labelId}
          rows={12}
          value={value.body}
          onChange={(e) => onChange({ body: e.target.value, bodyFormat: "markdown" })}
          className="rounded-none border-0 font-mono shadow-none focus:ring-0"
        />
      )}
    </div>
  );
}
