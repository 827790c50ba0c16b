package dev.noema.conversation.format;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an HTML fragment as an assistant's answer is exported in HTML (Google Takeout's
 * {@code safeHtmlItem}), written back as the Markdown it was rendered from where that is plain:
 * paragraphs and line breaks, headings ({@code ##}), list items ({@code -}), code blocks in fences
 * and inline code in backticks, bold and italics; links keep their text; scripts and styles go;
 * character references are decoded. Not a full HTML parser: what exporters write, read leniently.
 * Stateless.
 */
final class HtmlText {
  private static final Pattern DROPPED =
      Pattern.compile(
          "<(script|style)\\b[^>]*>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern PRE =
      Pattern.compile("<pre\\b[^>]*>(.*?)</pre\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>");
  private static final Pattern ANY_TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*(?:\\n[ \\t]*)+");
  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\\n");
  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", " "),
          Map.entry("shy", ""),
          Map.entry("ndash", "–"),
          Map.entry("mdash", "—"),
          Map.entry("hellip", "…"),
          Map.entry("laquo", "«"),
          Map.entry("raquo", "»"),
          Map.entry("lsquo", "‘"),
          Map.entry("rsquo", "’"),
          Map.entry("ldquo", "“"),
          Map.entry("rdquo", "”"),
          Map.entry("times", "×"),
          Map.entry("deg", "°"),
          Map.entry("copy", "©"));

  private HtmlText() {}

  static String toText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    String text = DROPPED.matcher(html).replaceAll("");
    StringBuilder out = new StringBuilder();
    Matcher pre = PRE.matcher(text);
    int at = 0;
    while (pre.find()) {
      out.append(inline(text.substring(at, pre.start())));
      String code = decode(ANY_TAG.matcher(pre.group(1)).replaceAll("")).strip();
      out.append("\n\n```\n").append(code).append("\n```\n\n");
      at = pre.end();
    }
    out.append(inline(text.substring(at)));
    String tidy = TRAILING_SPACE.matcher(out.toString()).replaceAll("\n");
    return BLANK_LINES.matcher(tidy).replaceAll("\n\n").strip();
  }

  /** Everything outside code blocks: block tags become line breaks, inline tags Markdown. */
  private static String inline(String html) {
    String flat = html.replaceAll("[\\r\\n]+", " ");
    StringBuilder out = new StringBuilder();
    Matcher tag = TAG.matcher(flat);
    int at = 0;
    while (tag.find()) {
      out.append(decode(flat.substring(at, tag.start())));
      boolean closing = !tag.group(1).isEmpty();
      String name = tag.group(2).toLowerCase(Locale.ROOT);
      out.append(markup(name, closing));
      at = tag.end();
    }
    out.append(decode(flat.substring(at)));
    return out.toString();
  }

  private static String markup(String tag, boolean closing) {
    return switch (tag) {
      case "br" -> "\n";
      case "p", "div", "ul", "ol", "table", "blockquote", "section" -> "\n\n";
      case "li" -> closing ? "" : "\n- ";
      case "tr" -> closing ? "" : "\n";
      case "td", "th" -> closing ? " | " : "";
      case "h1", "h2", "h3", "h4", "h5", "h6" ->
          closing ? "\n\n" : "\n\n" + "#".repeat(tag.charAt(1) - '0') + " ";
      case "strong", "b" -> "**";
      case "em", "i" -> "*";
      case "code" -> "`";
      case "hr" -> "\n\n---\n\n";
      default -> "";
    };
  }

  private static String decode(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String replacement;
      if (ref.startsWith("#x") || ref.startsWith("#X")) {
        replacement = codePoint(Integer.parseInt(ref.substring(2), 16), m.group());
      } else if (ref.startsWith("#")) {
        replacement = codePoint(Integer.parseInt(ref.substring(1)), m.group());
      } else {
        replacement = NAMED.getOrDefault(ref, m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String codePoint(int value, String original) {
    return Character.isValidCodePoint(value) ? new String(Character.toChars(value)) : original;
  }
}
