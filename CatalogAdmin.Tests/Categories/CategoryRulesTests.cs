using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Tests.Categories;

public class CategoryRulesTests : HandlerTest
{
    public static TheoryData<string, string> RefusedNames => new()
    {
        { "", "Name is required." },
        { "   \t  ", "Name is required." },
        { new string('x', CategoryRules.NameMaxLength + 1), "Name must be at most 100 characters (it has 101)." },
        { "  " + new string('x', CategoryRules.NameMaxLength + 1) + "  ", "Name must be at most 100 characters (it has 101)." },
        { "Mu\u0000gs", "Name cannot contain control characters." },
        { "Mugs\u001b[31m", "Name cannot contain control characters." },
        { "Mugs\nand cups", "Name cannot contain control characters." },
    };

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public async Task A_name_breaking_a_rule_is_refused_on_Name_and_nothing_is_stored(string name, string message)
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new CreateCategoryCommand(name)));

        Assert.Equal([message], refused.Errors[nameof(CreateCategoryCommand.Name)]);
        Assert.Single(refused.Errors);
        Assert.Empty(await Host.SendAsync(new ListCategoriesQuery()));
    }

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public async Task A_rename_breaking_a_rule_is_refused_on_Name_and_keeps_the_old_name(string name, string message)
    {
        var id = await Host.SendAsync(new CreateCategoryCommand("Mugs"));

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new RenameCategoryCommand(id, name)));

        Assert.Equal([message], refused.Errors[nameof(RenameCategoryCommand.Name)]);
        Assert.Equal(["Mugs"], (await Host.SendAsync(new ListCategoriesQuery())).Select(c => c.Name));
    }

    // Not theory data: serialising the theory's values would turn half an emoji into a whole replacement character.
    [Fact]
    public async Task Half_of_an_emoji_is_refused_on_Name_by_create_and_rename()
    {
        const string broken = "Mugs \ud83c";
        const string message = "Name contains a broken character (half of an emoji or symbol); retype it.";
        var id = await Host.SendAsync(new CreateCategoryCommand("Cups"));

        var created = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new CreateCategoryCommand(broken)));
        var renamed = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new RenameCategoryCommand(id, broken)));

        Assert.Equal([message], created.Errors[nameof(CreateCategoryCommand.Name)]);
        Assert.Equal([message], renamed.Errors[nameof(RenameCategoryCommand.Name)]);
        Assert.Equal(["Cups"], (await Host.SendAsync(new ListCategoriesQuery())).Select(c => c.Name));
    }

    [Theory]
    [InlineData("M", "M")]
    [InlineData("  Mugs  ", "Mugs")]
    [InlineData("Café crème 🍵", "Café crème 🍵")]
    [InlineData("\u00a0Tea\u2003", "Tea")] // no-break and em spaces are trimmed like any white space
    public async Task A_name_is_stored_trimmed(string name, string stored)
    {
        await Host.SendAsync(new CreateCategoryCommand(name));

        Assert.Equal([stored], (await Host.SendAsync(new ListCategoriesQuery())).Select(c => c.Name));
    }

    [Fact]
    public async Task A_name_of_exactly_the_maximum_length_after_trimming_is_accepted()
    {
        var longest = new string('x', CategoryRules.NameMaxLength - 1) + "é";

        await Host.SendAsync(new CreateCategoryCommand($"  {longest}  "));

        Assert.Equal([longest], (await Host.SendAsync(new ListCategoriesQuery())).Select(c => c.Name));
    }

    [Theory]
    [InlineData("Mugs", "mugs")]
    [InlineData("Mugs", "  MUGS ")]
    [InlineData("Café", "CAFÉ")]
    [InlineData("café", "Café")]
    [InlineData("Ölkännchen", "ÖLKÄNNCHEN")]
    [InlineData("Ελληνικά", "ελληνικά")]
    public async Task Names_are_unique_ignoring_case_in_any_alphabet(string first, string second)
    {
        await Host.SendAsync(new CreateCategoryCommand(first));

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new CreateCategoryCommand(second)));

        Assert.Equal([$"There is already a category named “{first.Trim()}”."], refused.Errors[nameof(CreateCategoryCommand.Name)]);
        Assert.Single(await Host.SendAsync(new ListCategoriesQuery()));
    }

    [Fact]
    public async Task Names_that_differ_only_in_accents_are_different_categories()
    {
        await Host.SendAsync(new CreateCategoryCommand("Cafe"));
        await Host.SendAsync(new CreateCategoryCommand("Café"));

        Assert.Equal(2, (await Host.SendAsync(new ListCategoriesQuery())).Count);
    }

    [Fact]
    public async Task A_rename_to_another_categorys_name_in_other_case_is_refused_and_to_its_own_name_in_other_case_is_allowed()
    {
        await Host.SendAsync(new CreateCategoryCommand("Café"));
        var mugs = await Host.SendAsync(new CreateCategoryCommand("Mugs"));

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => Host.SendAsync(new RenameCategoryCommand(mugs, "CAFÉ")));
        Assert.Equal(["There is already a category named “Café”."], refused.Errors[nameof(RenameCategoryCommand.Name)]);

        await Host.SendAsync(new RenameCategoryCommand(mugs, "MUGS"));
        Assert.Equal(["Café", "MUGS"], (await Host.SendAsync(new ListCategoriesQuery())).Select(c => c.Name));
        await using var db = Host.OpenDb();
        Assert.Equal("MUGS", await db.Categories.Where(c => c.Id == mugs).Select(c => c.NormalizedName).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Renaming_or_deleting_a_category_that_is_gone_says_so()
    {
        var id = await Host.SendAsync(new CreateCategoryCommand("Mugs"));
        Assert.True(await Host.SendAsync(new DeleteCategoryCommand(id)));

        Assert.False(await Host.SendAsync(new DeleteCategoryCommand(id)));
        await Assert.ThrowsAsync<NotFoundException>(() => Host.SendAsync(new RenameCategoryCommand(id, "Cups")));
    }

    [Fact]
    public async Task The_list_is_in_name_order_ignoring_case()
    {
        foreach (var name in new[] { "mugs", "Cables", "audio", "Zubehör", "Bags" })
        {
            await Host.SendAsync(new CreateCategoryCommand(name));
        }

        Assert.Equal(["audio", "Bags", "Cables", "mugs", "Zubehör"], (await Host.SendAsync(new ListCategoriesQuery())).Select(c => c.Name));
    }
}
