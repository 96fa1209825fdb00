using Jippnas.Web.Domain;

namespace Jippnas.UnitTests;

public sealed class EditorialWorkflowTests
{
    private const string Comment = "Lengkapi anggaran dan SK kepala daerah.";

    // Every state × every action: the state it leads to, or "refused".
    [Theory]
    [InlineData(EditorialState.Draft, EditorialAction.Save, "Draft")]
    [InlineData(EditorialState.Draft, EditorialAction.Submit, "Submitted")]
    [InlineData(EditorialState.Draft, EditorialAction.Return, "refused")]
    [InlineData(EditorialState.Draft, EditorialAction.Verify, "refused")]
    [InlineData(EditorialState.Draft, EditorialAction.Publish, "refused")]
    [InlineData(EditorialState.Draft, EditorialAction.Revise, "refused")]
    [InlineData(EditorialState.Submitted, EditorialAction.Save, "refused")]
    [InlineData(EditorialState.Submitted, EditorialAction.Submit, "refused")]
    [InlineData(EditorialState.Submitted, EditorialAction.Return, "Returned")]
    [InlineData(EditorialState.Submitted, EditorialAction.Verify, "Verified")]
    [InlineData(EditorialState.Submitted, EditorialAction.Publish, "refused")]
    [InlineData(EditorialState.Submitted, EditorialAction.Revise, "refused")]
    [InlineData(EditorialState.Returned, EditorialAction.Save, "Returned")]
    [InlineData(EditorialState.Returned, EditorialAction.Submit, "Submitted")]
    [InlineData(EditorialState.Returned, EditorialAction.Return, "refused")]
    [InlineData(EditorialState.Returned, EditorialAction.Verify, "refused")]
    [InlineData(EditorialState.Returned, EditorialAction.Publish, "refused")]
    [InlineData(EditorialState.Returned, EditorialAction.Revise, "refused")]
    [InlineData(EditorialState.Verified, EditorialAction.Save, "refused")]
    [InlineData(EditorialState.Verified, EditorialAction.Submit, "refused")]
    [InlineData(EditorialState.Verified, EditorialAction.Return, "Returned")]
    [InlineData(EditorialState.Verified, EditorialAction.Verify, "refused")]
    [InlineData(EditorialState.Verified, EditorialAction.Publish, "Published")]
    [InlineData(EditorialState.Verified, EditorialAction.Revise, "refused")]
    [InlineData(EditorialState.Published, EditorialAction.Save, "refused")]
    [InlineData(EditorialState.Published, EditorialAction.Submit, "refused")]
    [InlineData(EditorialState.Published, EditorialAction.Return, "refused")]
    [InlineData(EditorialState.Published, EditorialAction.Verify, "refused")]
    [InlineData(EditorialState.Published, EditorialAction.Publish, "refused")]
    [InlineData(EditorialState.Published, EditorialAction.Revise, "Draft")]
    public void Each_action_moves_an_edition_as_the_workflow_says_or_is_refused_with_a_reason(EditorialState state, EditorialAction action, string expected)
    {
        var transition = EditorialWorkflow.Apply(state, action, Comment);

        if (expected == "refused")
        {
            transition.Allowed.ShouldBeFalse();
            transition.To.ShouldBeNull();
            transition.Refusal!.Length.ShouldBeGreaterThan(20);
        }
        else
        {
            transition.Allowed.ShouldBeTrue();
            transition.To.ShouldBe(Enum.Parse<EditorialState>(expected));
        }
    }

    [Fact]
    public void The_table_above_covers_every_state_and_action()
    {
        var rows = typeof(EditorialWorkflowTests).GetMethod(nameof(Each_action_moves_an_edition_as_the_workflow_says_or_is_refused_with_a_reason))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => a.GetData(null!).Single()).Select(d => ((EditorialState)d[0], (EditorialAction)d[1])).ToHashSet();

        rows.Count.ShouldBe(Enum.GetValues<EditorialState>().Length * Enum.GetValues<EditorialAction>().Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Returning_without_a_comment_is_refused_saying_a_comment_is_needed(string? comment)
    {
        var transition = EditorialWorkflow.Apply(EditorialState.Submitted, EditorialAction.Return, comment);

        transition.Allowed.ShouldBeFalse();
        transition.Refusal!.ShouldContain("catatan");
    }

    [Fact]
    public void A_comment_longer_than_the_limit_is_refused_naming_the_limit()
    {
        EditorialWorkflow.Apply(EditorialState.Submitted, EditorialAction.Return, new string('a', EditorialWorkflow.MaxCommentLength)).Allowed.ShouldBeTrue();

        EditorialWorkflow.Apply(EditorialState.Submitted, EditorialAction.Return, new string('a', EditorialWorkflow.MaxCommentLength + 1))
            .Refusal!.ShouldContain("2.000");
    }

    [Fact]
    public void Only_a_published_edition_is_public_and_revising_one_starts_a_revision_beside_it()
    {
        Enum.GetValues<EditorialState>().Where(EditorialWorkflow.IsPublic).ShouldBe([EditorialState.Published]);

        var revise = EditorialWorkflow.Apply(EditorialState.Published, EditorialAction.Revise);
        (revise.To, revise.StartsRevision).ShouldBe((EditorialState.Draft, true));
        EditorialWorkflow.Apply(EditorialState.Draft, EditorialAction.Submit).StartsRevision.ShouldBeFalse();
    }

    [Fact]
    public void A_refusal_names_the_state_the_edition_is_in()
    {
        EditorialWorkflow.Apply(EditorialState.Draft, EditorialAction.Publish).Refusal!.ShouldContain("draf");
        EditorialWorkflow.Apply(EditorialState.Returned, EditorialAction.Verify).Refusal!.ShouldContain("dikembalikan");
    }
}
