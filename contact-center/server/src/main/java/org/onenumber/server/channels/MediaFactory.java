package org.onenumber.server.channels;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.onenumber.channels.media.AddressGuard;
import org.onenumber.channels.media.HttpRemoteMedia;
import org.onenumber.channels.media.MediaFetchSettings;
import org.onenumber.core.casework.attachment.AttachToCase;
import org.onenumber.core.casework.media.FetchCaseMedia;
import org.onenumber.core.casework.media.MediaFetchPolicy;
import org.onenumber.core.casework.media.MmsPictures;
import org.onenumber.server.persistence.JdbcCaseAttachments;
import org.onenumber.server.persistence.JdbcCaseRegistry;
import org.onenumber.server.persistence.JdbcMediaFetchJobs;

/**
 * Wires the fetching of linked pictures into case attachments, from {@code onenumber.media.*}:
 * {@code allow-http} (false: https only), {@code allowed-ranges} (CIDR ranges reachable although
 * not public, e.g. {@code 127.0.0.0/8} in tests or a city's own photo server; none by default),
 * {@code max-bytes} (5 MB, as attachments), {@code connect-timeout} (5 s), {@code timeout} (20 s
 * per fetch), {@code max-redirects} (3), {@code max-attempts} (5), {@code retry-delay} (1 min,
 * doubled per try up to an hour) and {@code case-check-every} (1 min: how often an MMS picture
 * looks whether its contact has become a case; it waits a week). MMS media links get the Twilio account's Basic credentials, sent
 * to the configured Twilio API origin only. A malformed range stops the start-up, named.
 */
@Factory
final class MediaFactory {

  @Singleton
  @Bean(preDestroy = "close")
  HttpRemoteMedia remoteMedia(TwilioConfig twilio,
      @Value("${onenumber.media.allow-http:false}") boolean allowHttp,
      @Value("${onenumber.media.allowed-ranges:}") String allowedRanges,
      @Value("${onenumber.media.max-bytes:5242880}") int maxBytes,
      @Value("${onenumber.media.connect-timeout:5s}") Duration connectTimeout,
      @Value("${onenumber.media.timeout:20s}") Duration timeout,
      @Value("${onenumber.media.max-redirects:3}") int maxRedirects) {
    Map<String, MediaFetchSettings.Credentials> credentials = twilio.configured()
        ? Map.of(MmsPictures.SOURCE, new MediaFetchSettings.Credentials(URI.create(twilio.apiBase()),
            twilio.accountSid(), twilio.authToken()))
        : Map.of();
    return new HttpRemoteMedia(new MediaFetchSettings(
        AddressGuard.allowing(Arrays.asList(allowedRanges.split(","))), allowHttp, maxBytes, connectTimeout,
        timeout, maxRedirects, credentials));
  }

  @Singleton
  FetchCaseMedia fetchCaseMedia(JdbcMediaFetchJobs jobs, HttpRemoteMedia remote, AttachToCase attach,
      JdbcCaseAttachments attachments, JdbcCaseRegistry cases, InstantSource clock,
      @Value("${onenumber.media.max-attempts:5}") int maxAttempts,
      @Value("${onenumber.media.retry-delay:1m}") Duration retryDelay,
      @Value("${onenumber.media.case-check-every:1m}") Duration caseCheckEvery) {
    MediaFetchPolicy d = MediaFetchPolicy.DEFAULT;
    MediaFetchPolicy policy = new MediaFetchPolicy(maxAttempts, retryDelay,
        retryDelay.compareTo(d.maxDelay()) > 0 ? retryDelay : d.maxDelay(), d.lease(), d.waitForCase(),
        caseCheckEvery);
    return new FetchCaseMedia(jobs, remote, attach, attachments, cases, policy, clock,
        () -> UUID.randomUUID().toString());
  }
}
