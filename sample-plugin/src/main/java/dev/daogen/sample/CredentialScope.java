package dev.daogen.sample;

import dev.daogen.annotations.Auto;
import dev.daogen.annotations.Entity;
import dev.daogen.annotations.Foreign;
import dev.daogen.annotations.Indexed;
import dev.daogen.annotations.OnDelete;
import dev.daogen.annotations.PrimaryKey;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * A scope granted to an API key; deleted with its credential, and so (two levels down) with its consumer.
 */
@Entity(name = "credential_scopes", adminApiNestedName = "scopes")
public record CredentialScope(
    @PrimaryKey @Auto UUID id,
    @Foreign(value = KeyAuthCredential.class, onDelete = OnDelete.CASCADE) UUID credential,
    @Indexed @Pattern(regexp = "[a-z]+(:[a-z]+)*") String scope) {}
