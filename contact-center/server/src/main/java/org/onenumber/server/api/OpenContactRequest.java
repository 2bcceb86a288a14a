package org.onenumber.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.onenumber.core.contact.Channel;

/**
 * The body of {@code POST /api/v1/contacts}: who the citizen is (at least one of phone, chatId,
 * email), on which channel, in which language, and what about.
 */
@Serdeable
@Schema(description = "A citizen reached the city on some channel")
public record OpenContactRequest(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Channel channel,
    @Nullable @Schema(description = "Phone number, E.164 or Korean national format", example = "+821012345678") String phone,
    @Nullable @Schema(description = "Chat identity when the citizen came by chat") String chatId,
    @Nullable String email,
    @Nullable @Schema(description = "How the citizen introduced themselves") String name,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ko") String language,
    @Nullable @Schema(description = "What the citizen asked about (first message, IVR choice, form subject)") String topic,
    @Nullable @Schema(description = "Queue to use instead of the automatic choice") String queue,
    @Nullable Integer priority,
    @Nullable @Schema(description = "Required skills such as 'tax:2'; default: the queue's") List<String> skills) {}
