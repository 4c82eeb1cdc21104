using System.Globalization;
using System.Text;

namespace CatalogAdmin.Core.Products;

/// <summary>
/// The text a search compares: a product's name and SKU folded to lower case without accents, so "cafe" finds
/// "Café" and "MUG" finds "mug". Every part of search uses this one fold: the stored key the indexes are built on
/// (<see cref="KeyOf"/>), the search text before it is looked up, and <see cref="ProductFilter.Matches"/>, so they
/// cannot disagree about what matches.
/// </summary>
public static class ProductSearchText
{
    /// <summary>Between the folded name and SKU in the key: a control character, which neither can contain.</summary>
    public const char Separator = '\n';

    /// <summary>Lower case (invariant), accents and other combining marks removed.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The stored search key of a product: its folded name and folded SKU.</summary>
    public static string KeyOf(string name, string sku) => $"{Fold(name)}{Separator}{Fold(sku)}";

    /// <summary>
    /// A character that belongs to a word, as SQLite's unicode61 tokenizer counts it (its default categories
    /// L*, N* and Co): words are what a one- or two-character search matches the start of.
    /// </summary>
    public static bool IsWordCharacter(char c) =>
        char.IsLetter(c) || char.IsNumber(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.PrivateUse;

    /// <summary>Whether a folded key has a word that starts with the folded text.</summary>
    public static bool HasWordStartingWith(string key, string foldedPrefix)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var startsWord = IsWordCharacter(key[i]) && (i == 0 || !IsWordCharacter(key[i - 1]));
            if (startsWord && string.CompareOrdinal(key, i, foldedPrefix, 0, foldedPrefix.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
