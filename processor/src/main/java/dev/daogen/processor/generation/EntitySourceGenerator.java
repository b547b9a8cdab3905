package dev.daogen.processor.generation;

import dev.daogen.processor.model.EntityModel;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;

/** A generator of one source file per entity, in the entity's package, derived from the entity's record. */
abstract class EntitySourceGenerator extends SourceGenerator<EntityModel> {
  EntitySourceGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected final String packageName(EntityModel e) {
    return e.type().packageName();
  }

  @Override
  protected final Element originatingElement(EntityModel e) {
    return e.element();
  }
}
