using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SchoolTwitter.Benchmarks.Checker;

/// <summary>Adds a Drafts/s column (1 s / mean time per draft) to the checker benchmarks.</summary>
public sealed class DraftsPerSecondConfig : ManualConfig
{
    public DraftsPerSecondConfig() => AddColumn(new DraftsPerSecondColumn());

    private sealed class DraftsPerSecondColumn : IColumn
    {
        public string Id => "DraftsPerSecond";
        public string ColumnName => "Drafts/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Drafts (operations) per second on one thread: 1 s / Mean";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return mean is > 0 ? (1e9 / mean.Value).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "-";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
