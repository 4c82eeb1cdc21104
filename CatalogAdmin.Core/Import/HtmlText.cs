using System.Net;
using System.Text.RegularExpressions;

namespace CatalogAdmin.Core.Import;

/// <summary>
/// Shopify's "Body (HTML)" as the plain text a description holds: paragraphs, line breaks and list items become lines,
/// other tags go, entities are decoded, runs of spaces shrink to one.
/// </summary>
internal static partial class HtmlText
{
    public static string ToPlainText(string html)
    {
        if (!html.Contains('<') && !html.Contains('&'))
        {
            return html;
        }

        var text = ScriptOrStyle().Replace(html, string.Empty);
        text = LineBreak().Replace(text, "\n");
        text = BlockEnd().Replace(text, "\n");
        text = ListItem().Replace(text, "\n• ");
        text = AnyTag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
        var lines = text.Split('\n').Select(line => Spaces().Replace(line, " ").Trim());
        return BlankLines().Replace(string.Join('\n', lines), "\n").Trim();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</(p|div|h[1-6]|tr|ul|ol|table|blockquote)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\r]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{2,}")]
    private static partial Regex BlankLines();
}
