package dev.daogen.sample;

import dev.daogen.annotations.Auto;
import dev.daogen.annotations.Default;
import dev.daogen.annotations.Entity;
import dev.daogen.annotations.Foreign;
import dev.daogen.annotations.Indexed;
import dev.daogen.annotations.OnDelete;
import dev.daogen.annotations.PrimaryKey;
import dev.daogen.annotations.RenamedFrom;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * A scope granted to (or, with {@link Effect#DENY}, withheld from) an API key; deleted with its credential, and so
 * (two levels down) with its consumer.
 *
 * <p>Version 1.1.0 renamed the component {@code scope} to {@code name} ({@code credential_scopes.scope} read as a
 * stutter in the admin API) and added {@code effect}: its migration keeps both columns in sync until {@code migrations
 * finish}, and fills {@code effect} of existing scopes with {@code ALLOW}, what every 1.0.0 scope meant.
 */
@Entity(name = "credential_scopes", adminApiNestedName = "scopes")
public record CredentialScope(
    @PrimaryKey @Auto UUID id,
    @Foreign(value = KeyAuthCredential.class, onDelete = OnDelete.CASCADE) UUID credential,
    @RenamedFrom("scope") @Indexed @Pattern(regexp = "[a-z]+(:[a-z]+)*") String name,
    @Default("ALLOW") Effect effect) {}
