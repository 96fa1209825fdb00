namespace Jippnas.Web.Features.Hubs;

public static class HubsSetup
{
    /// <summary>The hub programme: designation and programme years, mentoring and needs, one agency one innovation.</summary>
    public static IServiceCollection AddHubProgramme(this IServiceCollection services) =>
        services.AddScoped<HubOffice>().AddScoped<Mentoring.MentoringDesk>().AddScoped<Compliance.ComplianceDesk>().AddScoped<Forums.ForumDesk>().AddScoped<AgreementDesk>().AddScoped<Maturity.MaturityDesk>();
}
