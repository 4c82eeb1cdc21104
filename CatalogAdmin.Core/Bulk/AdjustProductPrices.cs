using System.Globalization;
using CatalogAdmin.Core.Persistence;
using CatalogAdmin.Core.Products;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CatalogAdmin.Core.Bulk;

public enum PriceAdjustmentKind
{
    /// <summary>By a percentage of each price.</summary>
    Percent,

    /// <summary>By an amount of money.</summary>
    Amount,
}

/// <summary>
/// A change to prices: by <see cref="Value"/> percent or by an amount, up when positive and down when negative,
/// rounded to the cent (half away from zero), then, with <see cref="EndIn99"/>, to the nearest price ending in .99
/// (halfway goes up; never below 0.99). A bulk price change runs this rule in SQL (<see cref="PriceAdjustmentInDatabase"/>):
/// a change here is a change there, and BulkActionTests compares the two.
/// </summary>
public sealed record PriceAdjustment(PriceAdjustmentKind Kind, decimal Value, bool EndIn99 = false)
{
    public const decimal MaxPercent = 1_000m;

    public decimal Apply(decimal price)
    {
        var adjusted = Kind == PriceAdjustmentKind.Percent ? price * (100m + Value) / 100m : price + Value;
        adjusted = decimal.Round(adjusted, ProductRules.PriceDecimals, MidpointRounding.AwayFromZero);
        return EndIn99 && adjusted >= 0 ? NearestEndingIn99(adjusted) : adjusted;
    }

    public string? Error() => Kind switch
    {
        PriceAdjustmentKind.Percent when Value is < -100m or > MaxPercent =>
            $"Enter a percentage from 0 to {MaxPercent:N0} up, or up to 100 down.",
        PriceAdjustmentKind.Amount when Math.Abs(Value) > ProductRules.MaxPrice =>
            $"Enter an amount up to {ProductRules.MaxPrice:N0}.",
        PriceAdjustmentKind.Percent or PriceAdjustmentKind.Amount when decimal.Round(Value, 2) != Value =>
            "Use at most 2 decimal places.",
        PriceAdjustmentKind.Percent or PriceAdjustmentKind.Amount when Value == 0 && !EndIn99 =>
            "Enter a change other than 0.",
        PriceAdjustmentKind.Percent or PriceAdjustmentKind.Amount => null,
        _ => $"There is no price adjustment {Kind}.",
    };

    /// <summary>"by 5%", "by $2.00" (in the current culture's currency), and ", ending in .99".</summary>
    public string Describe() =>
        (Kind == PriceAdjustmentKind.Percent
            ? $"by {Math.Abs(Value).ToString("0.##", CultureInfo.CurrentCulture)}%"
            : $"by {Math.Abs(Value).ToString("C", CultureInfo.CurrentCulture)}")
        + (EndIn99 ? ", ending in .99" : string.Empty);

    private static decimal NearestEndingIn99(decimal price)
    {
        var below = decimal.Floor(price) - 0.01m;
        var above = decimal.Floor(price) + 0.99m;
        return below < 0 || above - price <= price - below ? above : below;
    }
}

/// <summary>
/// Raises or lowers every selected product's price (<see cref="PriceAdjustment"/>). A price that would fall below 0 or rise
/// past the maximum is skipped and listed. The database computes the new prices (<see cref="PriceAdjustmentInDatabase"/>).
/// </summary>
[RequiresPermission(Permission.EditProducts)]
public sealed record AdjustProductPricesCommand(BulkSelection Selection, PriceAdjustment Adjustment) : IRequest<BulkResult>, ICommand;

internal sealed class AdjustProductPricesValidator : IRequestValidator<AdjustProductPricesCommand>
{
    public Task ValidateAsync(AdjustProductPricesCommand request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        request.Selection.Check(errors);
        if (request.Adjustment.Error() is { } message)
        {
            errors.Add(nameof(request.Adjustment), message);
        }

        return Task.CompletedTask;
    }
}

internal sealed class AdjustProductPricesHandler(IDbContextFactory<CatalogDbContext> dbFactory, IPublisher publisher, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<AdjustProductPricesCommand, BulkResult>
{
    public async Task<BulkResult> Handle(AdjustProductPricesCommand request, CancellationToken cancellationToken)
    {
        var adjustment = request.Adjustment;
        var verb = adjustment.Value > 0 ? "Raised" : adjustment.Value < 0 ? "Lowered" : "Changed";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await BulkUpdate.RunAsync(
            db, request.Selection, BulkActionKind.AdjustPrice,
            PriceAdjustmentInDatabase.Chunks(adjustment, user),
            changed => adjustment.Value == 0
                ? $"Made the price of {BulkUpdate.Products(changed)} end in .99"
                : $"{verb} the price of {BulkUpdate.Products(changed)} {adjustment.Describe()}",
            clock, user, publisher, cancellationToken);
    }
}
