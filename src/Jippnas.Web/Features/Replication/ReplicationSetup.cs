namespace Jippnas.Web.Features.Replication;

public static class ReplicationSetup
{
    /// <summary>Replication: matching needs to innovations, the record and its stages, study visits, action plans.</summary>
    public static IServiceCollection AddReplication(this IServiceCollection services) =>
        services.AddScoped<ReplicationDesk>().AddScoped<ActionPlanDesk>().AddScoped<MatchingService>().AddScoped<MatchingEvaluation>();
}
