using BenchmarkDotNet.Running;
using SchoolTwitter.Benchmarks.Load;

// Timed console modes first (see each class); everything else goes to BenchmarkDotNet.
if (args is ["load-drafts", .. var rest]) return await LoadDrafts.RunAsync(rest);

BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
return 0;
