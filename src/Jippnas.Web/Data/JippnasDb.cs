using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Data;

/// <summary>The portal's database, Identity's user store included (<see cref="AccountUser"/>; grants are <see cref="RoleGrants"/>).</summary>
public sealed class JippnasDb(DbContextOptions<JippnasDb> options) : IdentityUserContext<AccountUser, int>(options)
{
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<Sdg> Sdgs => Set<Sdg>();
    public DbSet<AwardKind> AwardKinds => Set<AwardKind>();
    public DbSet<SourceSystem> SourceSystems => Set<SourceSystem>();
    public DbSet<CompetitionCategory> CompetitionCategories => Set<CompetitionCategory>();
    public DbSet<Innovation> Innovations => Set<Innovation>();
    public DbSet<InnovationRevision> InnovationRevisions => Set<InnovationRevision>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<InnovationSdg> InnovationSdgs => Set<InnovationSdg>();
    public DbSet<Award> Awards => Set<Award>();
    public DbSet<OutcomeIndicator> OutcomeIndicators => Set<OutcomeIndicator>();
    public DbSet<SourceRecord> SourceRecords => Set<SourceRecord>();
    public DbSet<SourceRecordVersion> SourceRecordVersions => Set<SourceRecordVersion>();
    public DbSet<ImportColumn> ImportColumns => Set<ImportColumn>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<NameMapping> NameMappings => Set<NameMapping>();
    public DbSet<DuplicatePair> DuplicatePairs => Set<DuplicatePair>();
    public DbSet<StatusCheck> StatusChecks => Set<StatusCheck>();
    public DbSet<Hub> Hubs => Set<Hub>();
    public DbSet<HubDesignation> HubDesignations => Set<HubDesignation>();
    public DbSet<HubAssessment> HubAssessments => Set<HubAssessment>();
    public DbSet<HubAssessmentScore> HubAssessmentScores => Set<HubAssessmentScore>();
    public DbSet<HubMilestone> HubMilestones => Set<HubMilestone>();
    public DbSet<NetworkMember> NetworkMembers => Set<NetworkMember>();
    public DbSet<HubMember> HubMembers => Set<HubMember>();
    public DbSet<MentorAssignment> MentorAssignments => Set<MentorAssignment>();
    public DbSet<MentorAssignmentRegion> MentorAssignmentRegions => Set<MentorAssignmentRegion>();
    public DbSet<MentoringStage> MentoringStages => Set<MentoringStage>();
    public DbSet<MentoringSession> MentoringSessions => Set<MentoringSession>();
    public DbSet<MentoringSessionFile> MentoringSessionFiles => Set<MentoringSessionFile>();
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<NeedIndicator> NeedIndicators => Set<NeedIndicator>();
    public DbSet<ProvincePolicy> ProvincePolicies => Set<ProvincePolicy>();
    public DbSet<Forum> Forums => Set<Forum>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementParty> AgreementParties => Set<AgreementParty>();
    public DbSet<Replication> Replications => Set<Replication>();
    public DbSet<ReplicationStageDate> ReplicationStages => Set<ReplicationStageDate>();
    public DbSet<StudyVisit> StudyVisits => Set<StudyVisit>();
    public DbSet<ReplicationFile> ReplicationFiles => Set<ReplicationFile>();
    public DbSet<ShortlistEntry> Shortlist => Set<ShortlistEntry>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ActionPlanComment> ActionPlanComments => Set<ActionPlanComment>();
    public DbSet<MaturityInstrument> MaturityInstruments => Set<MaturityInstrument>();
    public DbSet<MaturityAssessment> MaturityAssessments => Set<MaturityAssessment>();
    public DbSet<MaturityAnswer> MaturityAnswers => Set<MaturityAnswer>();
    public DbSet<Tally> Tallies => Set<Tally>();
    public DbSet<SearchSynonym> SearchSynonyms => Set<SearchSynonym>();
    public DbSet<SearchWord> SearchWords => Set<SearchWord>();
    public DbSet<SearchSetting> SearchSettings => Set<SearchSetting>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JippnasDb).Assembly);
        if (Database.IsSqlite())
        {
            // SQLite keeps each value's own type whatever a column declares: the payload columns keep the TEXT they
            // were made with (changing a declared type means rebuilding the table) and hold the packed bytes.
            builder.Entity<SourceRecord>().Property(s => s.Payload).HasColumnType("TEXT");
            builder.Entity<SourceRecordVersion>().Property(v => v.Payload).HasColumnType("TEXT");
            // The audit log is searched and ordered by time: SQLite compares integers, not DateTimeOffset text.
            builder.Entity<AuditEntry>().Property(a => a.At)
                .HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        }

        SnakeCaseNames.Apply(builder);
    }
}
