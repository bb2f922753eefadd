import { describe, expect, it } from "vitest";
import { createElement as h, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Field, Input } from "@/components/ui/field";

// A field's control tells assistive technology what the person sees beside it: that it is in error
// and what the error says, or else the hint.
const render = (props: { error?: string; hint?: string }, control: ReactElement = h(Input, { id: "n" })) =>
  renderToStaticMarkup(h(Field, { label: "Name", htmlFor: "n", ...props, children: control }));

describe("Field", () => {
  it("marks the control invalid and described by the error while there is one", () => {
    const html = render({ error: "Enter the person's name", hint: "As they sign" });
    expect(html).toMatch(/<input[^>]*aria-invalid="true"[^>]*aria-describedby="n-error"/);
    expect(html).toContain('<p role="alert" id="n-error"');
    expect(html).not.toContain("As they sign");
  });

  it("describes the control by its hint when there is no error, and does not mark it invalid", () => {
    const html = render({ hint: "As they sign" });
    expect(html).toMatch(/<input[^>]*aria-describedby="n-hint"/);
    expect(html).toContain('id="n-hint"');
    expect(html).not.toContain("aria-invalid");
  });

  it("leaves a control that says it itself, or a child that is not the control, as it is", () => {
    expect(render({ error: "Bad" }, h(Input, { id: "n", "aria-describedby": "own" }))).toMatch(/aria-describedby="own"/);
    const wrapped = render({ error: "Bad" }, h("div", null, h(Input, { id: "n" })));
    expect(wrapped).not.toContain("aria-invalid");
    expect(wrapped).toContain('id="n-error"');
  });
});
