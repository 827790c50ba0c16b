package dev.noema.conversation.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void writes_paragraphs_headings_lists_and_emphasis_back_as_markdown() {
    assertEquals(
        "## Title\n\nOne **bold** and *soft* word, `code`.\n\n- a\n- b",
        HtmlText.toText(
            "<h2>Title</h2><p>One <b>bold</b> and <em>soft</em> word, <code>code</code>.</p>"
                + "<ul><li>a</li><li>b</li></ul>"));
  }

  @Test
  void keeps_code_blocks_whole_and_decodes_character_references() {
    assertEquals(
        "x < y & \"z\" — ok 🧠\n\n```\nif (a < b) {\n  return;\n}\n```",
        HtmlText.toText(
            "<p>x &lt; y &amp; &quot;z&quot; &mdash; ok &#x1F9E0;</p>"
                + "<pre><code>if (a &lt; b) {\n  return;\n}</code></pre>"));
  }

  @Test
  void drops_scripts_and_styles_and_leaves_unknown_references_alone() {
    assertEquals(
        "text &unknown; &#99999999;",
        HtmlText.toText(
            "<style>p{}</style><script>alert(1)</script><p>text &unknown; &#99999999;</p>"));
  }
}
