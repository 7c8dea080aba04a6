using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Notifications;

namespace SchoolTwitter.Infrastructure.Notifications;

/// <summary>
/// Posts each notification as an Adaptive Card message to the configured webhook. Transient failures (network, timeout,
/// 408, 429, 5xx) retry with exponential back-off; after the last attempt, on a refusal, or with no webhook configured it
/// logs an error and throws <see cref="NotificationFailedException"/> (the caller decides whether that matters). The
/// webhook URL carries a signature and is never logged or put in an exception.
/// </summary>
public sealed class WebhookNotifier(HttpClient http, IOptions<NotificationOptions> options, SltPageLinks links, ILogger<WebhookNotifier> logger) : INotifier
{
    private readonly NotificationOptions _options = options.Value;

    public async Task NotifyAsync(Notification notification, CancellationToken ct)
    {
        if (!Uri.TryCreate(_options.WebhookUrl, UriKind.Absolute, out var url))
        {
            logger.LogError("Notification {Kind} not sent: the notification webhook URL is not configured", notification.Kind);
            throw new NotificationFailedException(notification.Kind, "the notification webhook URL is not configured");
        }

        var json = AdaptiveCardMessage.Build(notification, links).ToJsonString();
        var attempts = Math.Max(1, _options.MaxAttempts);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            string failure;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(_options.AttemptTimeout);
                using var content = new StringContent(json, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(url, content, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    logger.LogInformation("Notification {Kind} sent (attempt {Attempt})", notification.Kind, attempt);
                    return;
                }

                failure = $"HTTP {(int)response.StatusCode}";
                if (!IsTransient(response.StatusCode))
                {
                    logger.LogError("Notification {Kind} refused by the webhook with {Failure}; not retried", notification.Kind, failure);
                    throw new NotificationFailedException(notification.Kind, "the webhook refused it with " + failure);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                logger.LogWarning("Notification {Kind} abandoned: the caller cancelled", notification.Kind);
                throw;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                failure = ex is OperationCanceledException ? "timeout" : ex.GetType().Name + " " + (ex as HttpRequestException)?.HttpRequestError;
            }

            if (attempt == attempts)
            {
                logger.LogError("Notification {Kind} for {Recipient} lost after {Attempts} attempts; last failure {Failure}",
                    notification.Kind, notification.Recipient ?? "SLT", attempts, failure);
                throw new NotificationFailedException(notification.Kind, $"{attempts} attempts failed, the last with {failure}");
            }

            var delay = Backoff(attempt);
            logger.LogWarning("Notification {Kind} attempt {Attempt} failed ({Failure}); retrying in {Delay}",
                notification.Kind, attempt, failure, delay);
            await Task.Delay(delay, ct);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var baseDelay = _options.RetryDelay * Math.Pow(2, attempt - 1);
        return baseDelay + baseDelay * (Random.Shared.NextDouble() * 0.25);
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
