using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CatalogAdmin.Web.Components.Shared;

/// <summary>
/// MudBlazor controls as plain markup with MudBlazor's own classes, so they look and behave the same, for the rows of
/// a list. A component per cell costs an idle circuit 2–15 KB (its state and its last two render trees, and a
/// checkbox five components); this markup costs the row a few frames in the grid's own tree.
/// </summary>
public static class PlainMarkup
{
    /// <summary>A small, outlined, read-only <c>MudChip</c>.</summary>
    public static RenderFragment Chip(string text, Color color, string? extraClass = null) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-chip-container");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", $"mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-{color.ToString().ToLowerInvariant()}"
            + (extraClass is null ? "" : " " + extraClass));
        builder.OpenElement(4, "span");
        builder.AddAttribute(5, "class", "mud-chip-content");
        builder.AddContent(6, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>
    /// A dense <c>MudCheckBox</c> (default colour) named by <paramref name="label"/>. A click on it does not reach the
    /// row (the row's click opens the product), as with MudCheckBox.
    /// </summary>
    public static RenderFragment CheckBox(object receiver, bool value, string label, Action<bool> changed) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-input-control mud-input-control-boolean-input");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", "mud-input-control-input-container");
        builder.OpenElement(4, "label");
        builder.AddAttribute(5, "class", "mud-checkbox mud-input-content-placement-end");
        builder.AddEventStopPropagationAttribute(6, "onclick", true);
        builder.OpenElement(7, "span");
        builder.AddAttribute(8, "class", value ? CheckedClass : UncheckedClass);
        builder.OpenElement(9, "input");
        builder.AddAttribute(10, "type", "checkbox");
        builder.AddAttribute(11, "class", "mud-checkbox-input");
        builder.AddAttribute(12, "aria-label", label);
        builder.AddAttribute(13, "checked", value);
        builder.AddAttribute(14, "onchange", EventCallback.Factory.Create<ChangeEventArgs>(receiver, e => changed(e.Value is true or "true" or "on")));
        builder.CloseElement();
        builder.AddMarkupContent(15, value ? CheckedIcon : UncheckedIcon);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    private const string BoxClass = "mud-button-root mud-icon-button mud-default-text hover:mud-default-hover mud-checkbox-dense mud-ripple mud-ripple-checkbox";
    private const string CheckedClass = BoxClass + " mud-checkbox-true";
    private const string UncheckedClass = BoxClass + " mud-checkbox-false";

    private static readonly string CheckedIcon = Svg(Icons.Material.Filled.CheckBox);
    private static readonly string UncheckedIcon = Svg(Icons.Material.Filled.CheckBoxOutlineBlank);

    private static string Svg(string paths) =>
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{paths}</svg>";
}
