using BenchmarkDotNet.Running;
using SchoolTwitter.Benchmarks.Followers;

// Timed console modes (dotnet run -c Release -- MODE ...); anything else goes to BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case ReconcileFollowersMode.Name:
        return await ReconcileFollowersMode.RunAsync(args[1..]);
    case ReconcileFollowersMode.FakeXName:
        return await ReconcileFollowersMode.ServeFakeXAsync(args[1..]);
    case FollowersYearCostMode.Name:
        return await FollowersYearCostMode.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
return 0;
