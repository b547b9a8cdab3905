package dev.daogen.processor.diagnostics;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Prints diagnostics and counts errors, so that one compile reports every mistake and the caller generates nothing
 * after one ({@link #hasErrors()}). Never throws.
 *
 * <p>Pass the annotation (and its value) whenever the problem is in an annotation, so that the caret lands on
 * {@code @Foreign(...)} rather than on the record. javac 17 gives a {@link RecordComponentElement} no source
 * position and cannot place the inner annotations of a repeatable container either; when source positions are
 * enabled ({@link #enableSourcePositions}) the reporter finds the annotation in the source tree itself (through the
 * {@code com.sun.source} API), and otherwise falls back to the component's field, then to the {@link Messager}.
 */
public final class Reporter {
  private final Messager messager;
  private Trees trees;
  private int errors;
  private int warnings;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** A reporter with exact source positions where the compiler allows it. */
  public Reporter(ProcessingEnvironment env) {
    this(env.getMessager());
    enableSourcePositions(env);
  }

  /**
   * Lets the reporter locate annotations in javac's source trees. A no-op outside javac (or behind a wrapped
   * processing environment), where the {@link Messager}'s positions are used.
   */
  public void enableSourcePositions(ProcessingEnvironment env) {
    if (trees != null) {
      return;
    }
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError notJavac) {
      trees = null;
    }
  }

  public void error(String message, Element element) {
    errors++;
    print(Diagnostic.Kind.ERROR, message, element, null, null);
  }

  public void error(String message, Element element, AnnotationMirror annotation) {
    errors++;
    print(Diagnostic.Kind.ERROR, message, element, annotation, null);
  }

  public void error(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    errors++;
    print(Diagnostic.Kind.ERROR, message, element, annotation, value);
  }

  public void warning(String message, Element element) {
    warnings++;
    print(Diagnostic.Kind.WARNING, message, element, null, null);
  }

  public void warning(String message, Element element, AnnotationMirror annotation) {
    warnings++;
    print(Diagnostic.Kind.WARNING, message, element, annotation, null);
  }

  public void warning(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    warnings++;
    print(Diagnostic.Kind.WARNING, message, element, annotation, value);
  }

  /** Whether any error was reported; the caller then generates nothing. */
  public boolean hasErrors() {
    return errors > 0;
  }

  public int errorCount() {
    return errors;
  }

  public int warningCount() {
    return warnings;
  }

  private void print(
      Diagnostic.Kind kind, String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    try {
      if (printAtTree(kind, message, element, annotation, value)) {
        return;
      }
    } catch (RuntimeException positionLookupFailed) {
      // fall through: a diagnostic at a coarser position beats none
    }
    try {
      printWithMessager(kind, message, element, annotation, value);
    } catch (RuntimeException foreignElement) {
      messager.printMessage(kind, message); // an element javac does not know: still report, without a position
    }
  }

  private void printWithMessager(
      Diagnostic.Kind kind, String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    if (element instanceof RecordComponentElement component) {
      VariableElement field = fieldOf(component);
      Element target = field != null ? field : component.getEnclosingElement();
      AnnotationMirror own = annotation != null && target.getAnnotationMirrors().contains(annotation) ? annotation : null;
      messager.printMessage(kind, message, target, own, own == null ? null : value);
    } else if (annotation == null) {
      messager.printMessage(kind, message, element);
    } else if (value == null) {
      messager.printMessage(kind, message, element, annotation);
    } else {
      messager.printMessage(kind, message, element, annotation, value);
    }
  }

  private boolean printAtTree(
      Diagnostic.Kind kind, String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    if (trees == null) {
      return false;
    }
    boolean component = element instanceof RecordComponentElement;
    boolean nested = annotation != null && !element.getAnnotationMirrors().contains(annotation);
    if (!component && !nested) {
      return false; // the Messager places these well
    }
    Element declared = component ? fieldOf((RecordComponentElement) element) : element;
    TreePath path = declared == null ? null : trees.getPath(declared);
    if (path == null) {
      return false;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    Tree target = path.getLeaf();
    if (annotation != null) {
      TreePath annotationPath = findAnnotation(path, element, annotation);
      if (annotationPath == null && target instanceof VariableTree variable) {
        // javac drops annotations that do not apply to fields (such as ours, RECORD_COMPONENT only) from the
        // field's tree, but keeps the modifiers' position: the component's first annotation.
        ModifiersTree modifiers = variable.getModifiers();
        if (trees.getSourcePositions().getStartPosition(unit, modifiers) >= 0) {
          target = modifiers;
        }
      }
      if (annotationPath != null) {
        target = annotationPath.getLeaf();
        if (value != null) {
          Tree valueTree = findValue((AnnotationTree) target, annotation, value);
          if (valueTree != null) {
            target = valueTree;
          }
        }
      }
    }
    trees.printMessage(kind, message, target, unit);
    return true;
  }

  private TreePath findAnnotation(TreePath declaration, Element element, AnnotationMirror annotation) {
    List<? extends AnnotationTree> annotations = annotationsOf(declaration.getLeaf());
    TypeElement wanted = (TypeElement) annotation.getAnnotationType().asElement();
    List<TreePath> sameType = new ArrayList<>();
    for (AnnotationTree tree : annotations) {
      TreePath annotationPath = new TreePath(declaration, tree);
      Element type = trees.getElement(new TreePath(annotationPath, tree.getAnnotationType()));
      if (type != null && type.equals(wanted)) {
        sameType.add(annotationPath);
      }
    }
    if (sameType.size() == 1) {
      return sameType.get(0);
    }
    if (sameType.isEmpty()) {
      return null;
    }
    // a repeated annotation: javac keeps the repetitions in source order inside the container
    int index = 0;
    for (AnnotationMirror mirror : repetitions(element, wanted)) {
      if (mirror == annotation) {
        return index < sameType.size() ? sameType.get(index) : null;
      }
      index++;
    }
    return null;
  }

  private static List<AnnotationMirror> repetitions(Element element, TypeElement type) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement().equals(type)) {
        out.add(mirror);
        continue;
      }
      for (AnnotationValue value : mirror.getElementValues().values()) {
        if (value.getValue() instanceof List<?> list) {
          for (Object item : list) {
            if (item instanceof AnnotationValue v
                && v.getValue() instanceof AnnotationMirror inner
                && inner.getAnnotationType().asElement().equals(type)) {
              out.add(inner);
            }
          }
        }
      }
    }
    return out;
  }

  private static Tree findValue(AnnotationTree tree, AnnotationMirror annotation, AnnotationValue value) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        annotation.getElementValues().entrySet()) {
      String name = entry.getKey().getSimpleName().toString();
      AnnotationValue top = entry.getValue();
      int arrayIndex = -1;
      if (top != value) {
        if (!(top.getValue() instanceof List<?> items) || (arrayIndex = indexOf(items, value)) < 0) {
          continue;
        }
      }
      for (ExpressionTree argument : tree.getArguments()) {
        ExpressionTree expression = null;
        if (argument instanceof AssignmentTree assignment
            && assignment.getVariable() instanceof IdentifierTree id
            && id.getName().contentEquals(name)) {
          expression = assignment.getExpression();
        } else if (!(argument instanceof AssignmentTree) && name.equals("value")) {
          expression = argument;
        }
        if (expression != null) {
          if (arrayIndex >= 0
              && expression instanceof NewArrayTree array
              && array.getInitializers() != null
              && arrayIndex < array.getInitializers().size()) {
            return array.getInitializers().get(arrayIndex);
          }
          return expression;
        }
      }
    }
    return null;
  }

  private static int indexOf(List<?> items, AnnotationValue value) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == value) {
        return i;
      }
    }
    return -1;
  }

  private static List<? extends AnnotationTree> annotationsOf(Tree tree) {
    if (tree instanceof VariableTree variable) {
      List<AnnotationTree> all = new ArrayList<>(variable.getModifiers().getAnnotations());
      if (variable.getType() instanceof AnnotatedTypeTree annotated) {
        all.addAll(annotated.getAnnotations()); // type-use annotations such as java.util.@Nullable UUID
      }
      return all;
    }
    if (tree instanceof ClassTree type) {
      return type.getModifiers().getAnnotations();
    }
    if (tree instanceof MethodTree method) {
      return method.getModifiers().getAnnotations();
    }
    if (tree instanceof CompilationUnitTree unit) {
      return unit.getPackageAnnotations();
    }
    return List.of();
  }

  private static VariableElement fieldOf(RecordComponentElement component) {
    for (VariableElement field : ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(component.getSimpleName())) {
        return field;
      }
    }
    return null;
  }
}
