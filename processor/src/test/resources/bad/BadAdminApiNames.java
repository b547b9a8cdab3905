package bad;

import dev.daogen.annotations.*;
import jakarta.validation.constraints.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.*;
import org.jspecify.annotations.Nullable;

@Entity(
    adminApiName = "Key Auths",
    adminApiNestedName = "key auth")
public record BadAdminApiNames(@PrimaryKey UUID id) {}
