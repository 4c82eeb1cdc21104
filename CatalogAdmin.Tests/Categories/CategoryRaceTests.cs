using CatalogAdmin.Core;
using CatalogAdmin.Core.Categories;
using CatalogAdmin.Tests.Infrastructure;

namespace CatalogAdmin.Tests.Categories;

/// <summary>Two staff members saving the same name at the same moment: the unique index settles it, as a validation error.</summary>
public class CategoryRaceTests : HandlerTest
{
    private const int Rounds = 40;

    [Fact]
    public async Task Of_two_racing_creates_of_one_name_exactly_one_wins_and_the_other_is_told_on_Name()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var name = $"Race {round}";
            var outcomes = await RaceAsync(
                () => Host.SendAsync(new CreateCategoryCommand(name)),
                () => Host.SendAsync(new CreateCategoryCommand(round % 2 == 0 ? name : name.ToUpperInvariant())));

            AssertOneWonAndOneWasToldOnName(outcomes, round);
        }

        var stored = await Host.SendAsync(new ListCategoriesQuery());
        Assert.Equal(Rounds, stored.Count);
        Assert.Equal(Rounds, stored.Select(c => c.Name.ToUpperInvariant()).Distinct().Count());
    }

    [Fact]
    public async Task Of_two_racing_renames_to_one_name_exactly_one_wins_and_the_other_is_told_on_Name()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var first = await Host.SendAsync(new CreateCategoryCommand($"First {round}"));
            var second = await Host.SendAsync(new CreateCategoryCommand($"Second {round}"));
            var name = $"Renamed {round}";

            var outcomes = await RaceAsync(
                async () => { await Host.SendAsync(new RenameCategoryCommand(first, name)); return first; },
                async () => { await Host.SendAsync(new RenameCategoryCommand(second, name.ToLowerInvariant())); return second; });

            AssertOneWonAndOneWasToldOnName(outcomes, round);
        }

        var stored = await Host.SendAsync(new ListCategoriesQuery());
        Assert.Equal(Rounds, stored.Count(c => c.Name.StartsWith("Renamed", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Starts both at once (each on its own thread, released together) and waits for both outcomes.</summary>
    private static async Task<Exception?[]> RaceAsync(Func<Task<Guid>> one, Func<Task<Guid>> other)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<Exception?> Run(Func<Task<Guid>> send) => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await send();
                return (Exception?)null;
            }
            catch (Exception exception)
            {
                return exception;
            }
        });

        var racing = new[] { Run(one), Run(other) };
        start.SetResult();
        return await Task.WhenAll(racing);
    }

    private static void AssertOneWonAndOneWasToldOnName(Exception?[] outcomes, int round)
    {
        Assert.True(outcomes.Count(o => o is null) == 1, $"Round {round}: expected one winner, got: {string.Join(" | ", outcomes.Select(o => o?.ToString() ?? "saved"))}");
        var refused = Assert.IsType<RequestValidationException>(outcomes.Single(o => o is not null));
        Assert.Equal([nameof(CreateCategoryCommand.Name)], refused.Errors.Keys);
        Assert.StartsWith("There is already a category named", refused.Errors[nameof(CreateCategoryCommand.Name)].Single(), StringComparison.Ordinal);
    }
}
