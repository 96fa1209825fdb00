using Jippnas.Web.Domain;

namespace Jippnas.Web.Features.Maturity;

/// <summary>An aspect's scores (0–100) from the hub's own answers and from the verifier's; null while a question is unanswered.</summary>
public sealed record AspectScore(MaturityAspect Aspect, double? Self, double? Verified);

/// <summary>
/// How answers become scores: a set of questions scores Σ(weight × chosen option's score) ÷ Σ(weight × the
/// question's best score) × 100, so an aspect and the whole instrument are both on 0–100 whatever the number of
/// questions and options. A set with a question unanswered has no score (a partial sum would read as a low one).
/// </summary>
public static class MaturityScoring
{
    public static double? Score(IEnumerable<MaturityQuestion> questions, Func<MaturityQuestion, int?> chosenOption)
    {
        double earned = 0, possible = 0;
        foreach (var question in questions)
        {
            if (chosenOption(question) is not { } optionId || question.Options.Find(o => o.Id == optionId) is not { } option)
            {
                return null;
            }

            earned += (double)question.Weight * option.Score;
            possible += (double)question.Weight * question.MaxScore;
        }

        return possible == 0 ? null : Math.Round(earned / possible * 100, 2);
    }

    public static double? SelfTotal(MaturityInstrument instrument, IReadOnlyDictionary<int, MaturityAnswer> answers) =>
        Score(instrument.Questions, q => answers.GetValueOrDefault(q.Id)?.SelfOptionId);

    public static double? VerifiedTotal(MaturityInstrument instrument, IReadOnlyDictionary<int, MaturityAnswer> answers) =>
        Score(instrument.Questions, q => answers.GetValueOrDefault(q.Id)?.VerifiedOptionId);

    public static IReadOnlyList<AspectScore> ByAspect(MaturityInstrument instrument, IReadOnlyDictionary<int, MaturityAnswer> answers) =>
    [
        .. instrument.Aspects.OrderBy(a => a.Ordinal).Select(a => new AspectScore(
            a,
            Score(a.Questions, q => answers.GetValueOrDefault(q.Id)?.SelfOptionId),
            Score(a.Questions, q => answers.GetValueOrDefault(q.Id)?.VerifiedOptionId))),
    ];
}
