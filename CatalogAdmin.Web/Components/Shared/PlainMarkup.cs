using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CatalogAdmin.Web.Components.Shared;

/// <summary>
/// MudBlazor controls as plain markup with MudBlazor's own classes, so they look and behave the same: for the rows of
/// a list, the products page's boxes, switch and buttons, the app bar's sign-out and icon buttons, the pager's icon
/// buttons and the account menu's icon. A component per cell costs an idle circuit 2–15 KB (its state and
/// its last two render trees, and a checkbox five components); this markup costs the row a few frames in the grid's
/// own tree. A MudCheckBox or MudSwitch also starts a key interceptor in the browser, whose contracts alone cost the
/// circuit ~25 KB; this markup leaves the keys to the browser's own checkbox (Space turns it).
/// </summary>
public static class PlainMarkup
{
    /// <summary>
    /// A small, outlined, read-only <c>MudChip</c>, as one piece of markup: keep it in a static field, and a list's rows
    /// share it as one frame each, where building the chip took eight frames a row.
    /// </summary>
    public static MarkupString Chip(string text, Color color, string? extraClass = null) => new(
        $"<div class=\"mud-chip-container\"><div class=\"mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-{ColorName(color)}"
        + (extraClass is null ? "" : " " + extraClass)
        + $"\"><span class=\"mud-chip-content\">{WebUtility.HtmlEncode(text)}</span></div></div>");

    /// <summary>
    /// A dense <c>MudCheckBox</c> named by <paramref name="label"/>, shown beside it when <paramref name="labelShown"/>
    /// (otherwise read by screen readers only). <see langword="null"/> draws "some ticked", as a tri-state MudCheckBox
    /// does. A click on it does not reach the row (the row's click opens the product), as with MudCheckBox.
    /// </summary>
    public static RenderFragment CheckBox(object receiver, bool? value, string label, Action<bool> changed,
        bool labelShown = false, Color color = Color.Default) =>
        CheckBox(receiver, value, label, ticked => { changed(ticked); return Task.CompletedTask; }, labelShown, color);

    /// <inheritdoc cref="CheckBox(object, bool?, string, Action{bool}, bool, Color)"/>
    public static RenderFragment CheckBox(object receiver, bool? value, string label, Func<bool, Task> changed,
        bool labelShown = false, Color color = Color.Default) => builder =>
    {
        OpenBooleanInput(builder, "mud-input-control mud-input-control-boolean-input", "mud-checkbox mud-input-content-placement-end");
        builder.AddEventStopPropagationAttribute(6, "onclick", true);
        builder.OpenElement(7, "span");
        builder.AddAttribute(8, "class", CheckBoxClass(value, color));
        builder.OpenElement(9, "input");
        builder.AddAttribute(10, "type", "checkbox");
        builder.AddAttribute(11, "class", "mud-checkbox-input");
        builder.AddAttribute(12, "aria-label", labelShown ? null : label);
        builder.AddAttribute(13, "checked", value == true);
        builder.AddAttribute(14, "onchange", EventCallback.Factory.Create<ChangeEventArgs>(receiver, e => changed(IsTicked(e))));
        builder.CloseElement();
        builder.AddMarkupContent(15, value switch { true => CheckedIcon, false => UncheckedIcon, null => SomeCheckedIcon });
        builder.CloseElement();
        if (labelShown)
        {
            builder.AddMarkupContent(16, VisibleLabel(label));
        }

        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>
    /// A <c>MudSwitch</c> of <paramref name="color"/> with its label. Its input is a checkbox with the role "switch", so
    /// a click or Space turns it, as with MudSwitch.
    /// </summary>
    public static RenderFragment Switch(object receiver, bool value, string label, Func<bool, Task> changed, Color color, string? extraClass = null) => builder =>
    {
        var colorName = ColorName(value ? color : Color.Default);
        OpenBooleanInput(builder, "mud-input-control mud-input-control-boolean-input" + (extraClass is null ? "" : " " + extraClass), "mud-switch mud-input-content-placement-end");
        builder.OpenElement(6, "span");
        builder.AddAttribute(7, "class", "mud-switch-span mud-switch-span-medium");
        builder.OpenElement(8, "span");
        builder.AddAttribute(9, "class", $"mud-button-root mud-icon-button mud-switch-base mud-ripple mud-ripple-switch mud-{colorName}-text hover:mud-{colorName}-hover{(value ? " mud-checked" : "")} mud-switch-base-medium");
        builder.OpenElement(10, "span");
        builder.AddAttribute(11, "class", "mud-switch-button");
        builder.OpenElement(12, "input");
        builder.AddAttribute(13, "type", "checkbox");
        builder.AddAttribute(14, "role", "switch");
        builder.AddAttribute(15, "aria-checked", value ? "true" : "false");
        builder.AddAttribute(16, "class", "mud-switch-input");
        builder.AddAttribute(17, "checked", value);
        builder.AddAttribute(18, "onchange", EventCallback.Factory.Create<ChangeEventArgs>(receiver, e => changed(IsTicked(e))));
        builder.CloseElement();
        builder.AddMarkupContent(19, "<span class=\"mud-switch-thumb-medium d-flex align-center justify-center\"></span>");
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(20, "span");
        builder.AddAttribute(21, "class", $"mud-switch-track mud-{colorName}");
        builder.CloseElement();
        builder.CloseElement();
        builder.AddMarkupContent(22, VisibleLabel(label));
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>
    /// The classes of a medium <c>MudButton</c> of <paramref name="variant"/> and <paramref name="color"/>, for an
    /// <c>a</c> or a <c>button</c> whose content is <see cref="ButtonLabel"/>.
    /// </summary>
    public static string ButtonClass(Variant variant, Color color) => ButtonClasses[(variant, color)];

    /// <summary>
    /// A <c>MudButton</c>'s label: its start icon and <paramref name="text"/>, which a phone does not show when
    /// <paramref name="textOnWideScreensOnly"/> (give the button an aria-label then).
    /// </summary>
    public static RenderFragment ButtonLabel(string icon, string text, bool textOnWideScreensOnly = false) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "mud-button-label");
        builder.AddMarkupContent(2, StartIcons.GetOrAdd(icon, paths => $"<span class=\"mud-button-icon-start mud-button-icon-size-medium\">{Svg(paths)}</span>"));
        if (textOnWideScreensOnly)
        {
            builder.OpenElement(3, "span");
            builder.AddAttribute(4, "class", "d-none d-sm-inline");
            builder.AddContent(5, text);
            builder.CloseElement();
        }
        else
        {
            builder.AddContent(6, text);
        }

        builder.CloseElement();
    };

    // Made once: MudBlazor's icons are constants, so a button's icon markup is one shared string.
    private static readonly ConcurrentDictionary<string, string> StartIcons = new();

    private static readonly Dictionary<(Variant, Color), string> ButtonClasses = (
        from variant in Enum.GetValues<Variant>()
        let kind = "mud-button-" + variant.ToString().ToLowerInvariant()
        from color in Enum.GetValues<Color>()
        select (Key: (variant, color), Classes: $"mud-button-root mud-button {kind} {kind}-{ColorName(color)} {kind}-size-medium mud-ripple"))
        .ToDictionary(button => button.Key, button => button.Classes);

    /// <summary>
    /// Opens a MudBlazor boolean input's control, its container and its <c>label</c> (sequences 0–5); the caller adds
    /// the rest and closes all three.
    /// </summary>
    private static void OpenBooleanInput(RenderTreeBuilder builder, string controlClass, string labelClass)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", controlClass);
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", "mud-input-control-input-container");
        builder.OpenElement(4, "label");
        builder.AddAttribute(5, "class", labelClass);
    }

    /// <summary>A checkbox's or switch's label text, beside it inside its <c>label</c>.</summary>
    private static string VisibleLabel(string label) =>
        $"<span class=\"mud-typography mud-typography-body1\">{WebUtility.HtmlEncode(label)}</span>";

    private static bool IsTicked(ChangeEventArgs change) => change.Value is true or "true" or "on";

    private static string ColorName(Color color) => color.ToString().ToLowerInvariant();

    private static string CheckBoxClass(bool? value, Color color) => CheckBoxClasses[(value, color)];

    // Made once: a list's rows share them instead of each render making its own.
    private static readonly Dictionary<(bool?, Color), string> CheckBoxClasses = (
        from color in Enum.GetValues<Color>()
        from value in new bool?[] { true, false, null }
        select (value, color)).ToDictionary(
            key => key,
            key => $"mud-button-root mud-icon-button mud-{ColorName(key.color)}-text hover:mud-{ColorName(key.color)}-hover mud-checkbox-dense mud-ripple mud-ripple-checkbox "
                + key.value switch { true => "mud-checkbox-true", false => "mud-checkbox-false", null => "mud-checkbox-null" });

    private static readonly string CheckedIcon = Svg(Icons.Material.Filled.CheckBox);
    private static readonly string UncheckedIcon = Svg(Icons.Material.Filled.CheckBoxOutlineBlank);
    private static readonly string SomeCheckedIcon = Svg(Icons.Material.Filled.IndeterminateCheckBox);

    /// <summary>
    /// A medium <c>MudIcon</c> of MudBlazor's <paramref name="paths"/> (an <c>Icons.Material</c> constant), with more
    /// classes when given: keep it in a static field, and every render shares it as one frame.
    /// </summary>
    public static string Svg(string paths, string? extraClass = null) =>
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium{(extraClass is null ? "" : " " + extraClass)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{paths}</svg>";

    /// <summary>A <c>MudIconButton</c>'s content: its label holding the icon, made once per icon and shared.</summary>
    public static MarkupString IconButtonLabel(string icon) =>
        new(IconButtonLabels.GetOrAdd(icon, paths => $"<span class=\"mud-icon-button-label\">{Svg(paths)}</span>"));

    private static readonly ConcurrentDictionary<string, string> IconButtonLabels = new();
}
