using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SchoolTwitter.Infrastructure;
using SchoolTwitter.Infrastructure.Drafts;
using SchoolTwitter.Infrastructure.Followers;
using SchoolTwitter.Infrastructure.Rotation;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddPlatform(builder.Configuration)
    .AddDraftPipeline(builder.Configuration)
    .AddFollowerReview(builder.Configuration)
    .AddCredentialRotation(builder.Configuration);

builder.Build().Run();
