using System.Text;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// A boolean expression over index terms, written out in each engine's own syntax. Terms come from the
/// analyser (letters, digits and '_' only) and are quoted anyway, so no user text ever reaches the
/// full-text parser as syntax.
/// </summary>
public abstract record MatchExpression
{
    public static MatchExpression Term(string term) => new TermNode(term);

    public static MatchExpression And(IEnumerable<MatchExpression> parts) => Combine(parts, isAnd: true);

    public static MatchExpression Or(IEnumerable<MatchExpression> parts) => Combine(parts, isAnd: false);

    /// <summary>A group of the plan: any alternative, each alternative all of its terms.</summary>
    public static MatchExpression Group(QueryGroup group) =>
        Or(group.Alternatives.Select(a => And(a.Select(Term))));

    /// <summary>The parts this expression requires together (itself, unless it is an AND).</summary>
    public IReadOnlyList<MatchExpression> Conjuncts() => this is Node { IsAnd: true } node ? node.Parts : [this];

    /// <summary>Every term of the expression in order, a term as often as it occurs (as FTS5's bm25 counts phrases).</summary>
    public IReadOnlyList<string> Terms()
    {
        var terms = new List<string>();
        Collect(terms);
        return terms;
    }

    public string ToFts5()
    {
        var text = new StringBuilder();
        Write(text, fts5: true);
        return text.ToString();
    }

    public string ToTsQuery()
    {
        var text = new StringBuilder();
        Write(text, fts5: false);
        return text.ToString();
    }

    protected abstract void Write(StringBuilder text, bool fts5);

    private protected abstract void Collect(List<string> terms);

    private static MatchExpression Combine(IEnumerable<MatchExpression> parts, bool isAnd)
    {
        var list = parts.Distinct().ToList();
        return list.Count switch
        {
            0 => throw new ArgumentException("An expression needs at least one term.", nameof(parts)),
            1 => list[0],
            _ => new Node(list, isAnd),
        };
    }

    private sealed record TermNode(string Value) : MatchExpression
    {
        private protected override void Collect(List<string> terms) => terms.Add(Value);

        protected override void Write(StringBuilder text, bool fts5)
        {
            var quote = fts5 ? '"' : '\'';
            text.Append(quote).Append(Value.Replace(quote.ToString(), new string(quote, 2), StringComparison.Ordinal)).Append(quote);
        }
    }

    private sealed record Node(IReadOnlyList<MatchExpression> Parts, bool IsAnd) : MatchExpression
    {
        private protected override void Collect(List<string> terms)
        {
            foreach (var part in Parts)
            {
                part.Collect(terms);
            }
        }

        protected override void Write(StringBuilder text, bool fts5)
        {
            var separator = (fts5, IsAnd) switch
            {
                (true, true) => " AND ",
                (true, false) => " OR ",
                (false, true) => " & ",
                (false, false) => " | ",
            };
            text.Append('(');
            for (var i = 0; i < Parts.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(separator);
                }

                Parts[i].Write(text, fts5);
            }

            text.Append(')');
        }

        public bool Equals(Node? other) => other is not null && IsAnd == other.IsAnd && Parts.SequenceEqual(other.Parts);

        public override int GetHashCode() => HashCode.Combine(IsAnd, Parts.Count);
    }
}
