using Jippnas.Web.Features.Innovations;

namespace Jippnas.Web.Features.Shared;

public sealed record InnovationTableModel(IReadOnlyList<InnovationListItem> Items, ReferenceSnapshot Reference);
