using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Benchmarks.Checker;

/// <summary>
/// The code-of-conduct checker over 10,000 varied drafts. One operation is one draft (OperationsPerInvoke), so Mean is the
/// time per draft, Allocated the bytes per draft, and Drafts/s = 1 s / Mean on the one benchmark thread (docs/cli.md).
/// Targets (issue 9): ≥ 50,000 drafts/s and &lt; 4 KB allocated per draft.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DraftsPerSecondConfig))]
public class CheckerBenchmarks
{
    public const int DraftCount = 10_000;

    private Draft[] _drafts = [];
    private byte[][] _json = [];
    private PupilRoster _roster = PupilRoster.Empty;
    private CodeOfConductChecker _checker = null!;
    private ArrayBufferWriter<byte> _output = null!;
    private Utf8JsonWriter _writer = null!;

    /// <summary>
    /// The checker as the Functions app runs it: it answers from the word table, which a long-running process builds after its
    /// first few drafts, so the table is built before anything is measured.
    /// </summary>
    public static CodeOfConductChecker LongRunningChecker()
    {
        var checker = CodeOfConductFactory.CreateDefault();
        Core.Lexicons.LexiconSet.Load().Language.Dictionary.BuildTable();
        return checker;
    }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = DraftCorpus.Generate(DraftCount);
        _drafts = [.. corpus.Drafts];
        _json = corpus.ToJson();
        _roster = corpus.Roster;
        _checker = LongRunningChecker();
        _output = new ArrayBufferWriter<byte>(16 * 1024);
        _writer = new Utf8JsonWriter(_output, VerdictJson.WriterOptions);
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    /// <summary>The checker alone: a draft in, a verdict out.</summary>
    [Benchmark(OperationsPerInvoke = DraftCount, Baseline = true)]
    public int Check()
    {
        var flagged = 0;
        foreach (var draft in _drafts)
        {
            if (_checker.Check(draft, _roster).Outcome != VerdictOutcome.Pass) flagged++;
        }
        return flagged;
    }

    /// <summary>What the HTTP API and <c>--jsonl</c> do per draft: read the JSON, check it, write the verdict JSON.</summary>
    [Benchmark(OperationsPerInvoke = DraftCount)]
    public long ReadCheckWrite()
    {
        long bytes = 0;
        foreach (var json in _json)
        {
            var draft = DraftReader.Parse(json).Value!;
            _output.ResetWrittenCount();
            _writer.Reset(_output);
            VerdictJson.Write(_writer, _checker.Check(draft, _roster));
            _writer.Flush();
            bytes += _output.WrittenCount;
        }
        return bytes;
    }

    /// <summary>Reading the draft JSON alone.</summary>
    [Benchmark(OperationsPerInvoke = DraftCount)]
    public int Read()
    {
        var length = 0;
        foreach (var json in _json)
        {
            length += DraftReader.Parse(json).Value!.Text.Length;
        }
        return length;
    }

    /// <summary>Folding the evasions out of a draft's text (case, zero-width, homoglyphs).</summary>
    [Benchmark(OperationsPerInvoke = DraftCount)]
    public int Normalise()
    {
        var length = 0;
        foreach (var draft in _drafts)
        {
            length += TextFolding.Fold(draft.Text).Length;
        }
        return length;
    }
}
