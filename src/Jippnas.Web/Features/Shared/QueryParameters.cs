using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Jippnas.Web.Features.Shared;

/// <summary>One query parameter an endpoint parses by hand, declared for the OpenAPI document.</summary>
public sealed record QueryParameter(string Name, string Description, bool IsInteger = false);

/// <summary>
/// Endpoint metadata listing the query parameters of a list endpoint: handlers parse the query string
/// themselves (to name each bad value), so the OpenAPI generator cannot see them.
/// </summary>
public sealed class QueryParameters(params QueryParameter[] parameters)
{
    public static readonly QueryParameter Page = new("page", "Halaman, mulai 1 / page number from 1", IsInteger: true);

    public IReadOnlyList<QueryParameter> All { get; } = parameters;

    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameters>().FirstOrDefault();
        if (declared is null)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        foreach (var parameter in declared.All)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Description = parameter.Description,
                Schema = new OpenApiSchema { Type = parameter.IsInteger ? JsonSchemaType.Integer : JsonSchemaType.String },
            });
        }

        return Task.CompletedTask;
    }
}
