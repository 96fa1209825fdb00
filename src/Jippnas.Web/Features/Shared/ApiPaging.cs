namespace Jippnas.Web.Features.Shared;

/// <summary>The envelope of every list in the open API.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class ApiResults
{
    public const string InvalidTitle = "Parameter tidak valid / invalid parameter";

    /// <summary>400 with the errors keyed by parameter name (RFC 9457 validation problem details).</summary>
    public static IResult Invalid(QueryErrors errors) =>
        Results.ValidationProblem(errors.All, title: InvalidTitle);

    public static IResult NotFound(string what, object id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tidak ditemukan / not found", detail: $"{what} '{id}' tidak ditemukan.");
}
