"""Griffe extensions for the API reference, loaded by ``mkdocs.yml``.

``DoctestExamples``: the docstrings use the Google section ``Example:`` (singular), which griffe
reads as an admonition, so that its ``>>>`` lines would render as nested block quotes; this
extension reads such a section as griffe reads ``Examples:``, into highlighted code blocks.

``HypothesisComposites`` shows a ``@st.composite`` strategy as it is called: without its
``draw`` parameter, returning a ``SearchStrategy``.

``PrivateDefaults`` shows a default that names a private module constant (``max_value=_MAX``)
as the constant's value, which a reader can use.

``AttrsFields`` documents attrs classes with their fields, types, defaults and signature.
mkdocstrings reads the source statically, so it does not see the ``__init__`` that attrs writes,
and it knows nothing of ``attrs.field(...)`` defaults. For every attrs class this extension:

* gives each field of the class docstring's ``Attributes:`` section its type (from the class
  annotation) and its default (``required`` fields get none), which the template
  ``docs/templates/python/material/docstring/attributes.html.jinja`` shows in a *Default*
  column;
* warns when a field of a public class is missing from ``Attributes:`` (``mkdocs build --strict`` then fails), so
  that every field stays documented;
* adds the ``__init__`` signature that attrs generates (keyword-only with ``kw_only=True``), which
  ``merge_init_into_class`` then shows as the class signature.

griffe-fieldz was tried first: in its default mode it moves the fields into a *Parameters*
table and drops the descriptions written under ``Attributes:`` (putting the ``tuple`` builtin's
docstring in their place for ``factory=tuple`` fields, whose default it shows as
``<dynamic>``); in its ``docstring-attributes`` mode it adds nothing that mkdocstrings shows.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from typing import Any, cast

import attrs
import griffe

logger = griffe.get_logger("griffe_extensions")

_EMPTY_FACTORIES = (tuple, list, dict, set, frozenset)


def default_text(field: attrs.Attribute[Any]) -> str | None:
    """Return how a field's default reads in the docs, or None for a required field.

    Args:
        field: The attrs field.
    """
    default = field.default
    if default is attrs.NOTHING:
        return None
    if not isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return repr(default)
    factory = cast(Any, default).factory
    if factory in _EMPTY_FACTORIES:
        return repr(factory())
    owner = getattr(factory, "__self__", None)
    if inspect.isclass(owner):  # a class method such as Strength.unknown
        return f"{owner.__name__}.{factory.__name__}()"
    return f"{getattr(factory, '__qualname__', repr(factory))}()"


class DoctestExamples(griffe.Extension):
    """Read an ``Example:`` section that holds doctest lines as an ``Examples:`` section."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Convert the example sections of every docstring in a package, once it is loaded.

        Parsing waits until then so that an ``Attributes:`` section can take its types from
        the class's members.

        Args:
            pkg: The package.
            **kwargs: Unused.
        """
        stack: list[griffe.Object] = [pkg]
        while stack:
            obj = stack.pop()
            stack.extend(member for member in obj.members.values() if not member.is_alias)  # type: ignore[misc]
            if obj.docstring is not None:
                self._convert(obj.docstring.parsed, obj)

    @staticmethod
    def _convert(sections: list[griffe.DocstringSection], obj: griffe.Object) -> None:
        for index, section in enumerate(sections):
            if section.kind is not griffe.DocstringSectionKind.admonition:
                continue
            admonition = section.value
            if admonition.annotation != "example" or ">>>" not in admonition.description:
                continue
            # A summary line first, or the docstring's dedenting would undo the section's indent.
            fragment = griffe.Docstring("-\n\nExamples:\n" + textwrap.indent(admonition.description, "    "), parent=obj)
            examples = [s for s in griffe.parse_google(fragment) if s.kind is griffe.DocstringSectionKind.examples]
            if len(examples) == 1:
                examples[0].title = section.title
                sections[index] = examples[0]


class HypothesisComposites(griffe.Extension):
    """Document ``@st.composite`` functions with the signature their callers use."""

    def on_function_instance(self, *, func: griffe.Function, **kwargs: Any) -> None:
        """Drop ``draw`` and wrap the return type of a composite strategy.

        Args:
            func: The function.
            **kwargs: Unused.
        """
        if not any(str(decorator.value).rpartition(".")[2] == "composite" for decorator in func.decorators):
            return
        parameters = list(func.parameters)
        if parameters and parameters[0].name == "draw":
            if func.docstring is not None:  # parse while ``draw`` is a parameter, then drop its entry
                for section in func.docstring.parsed:
                    if section.kind is griffe.DocstringSectionKind.parameters:
                        section.value = [item for item in section.value if item.name != "draw"]
            func.parameters = griffe.Parameters(*parameters[1:])
        if func.returns is not None:
            func.returns = f"SearchStrategy[{func.returns}]"


class PrivateDefaults(griffe.Extension):
    """Replace a private module constant used as a default by its value."""

    def on_function_instance(self, *, func: griffe.Function, **kwargs: Any) -> None:
        """Resolve the private defaults of one function.

        Args:
            func: The function.
            **kwargs: Unused.
        """
        for parameter in func.parameters:
            name = str(parameter.default) if parameter.default is not None else ""
            if not (name.startswith("_") and name.isidentifier()):
                continue
            constant = func.module.members.get(name)
            if isinstance(constant, griffe.Attribute) and constant.value is not None:
                parameter.default = constant.value


class AttrsFields(griffe.Extension):
    """Fill in the fields, defaults and ``__init__`` signature of attrs classes."""

    def on_class_members(self, *, node: ast.AST | griffe.ObjectNode, cls: griffe.Class, **kwargs: Any) -> None:
        """Complete one class once its members are loaded.

        Args:
            node: The class's AST node, or its runtime object when inspected.
            cls: The class as griffe sees it.
            **kwargs: Unused.
        """
        if any(part.startswith("_") for part in cls.path.split(".")):
            return  # private: not in the docs
        try:
            runtime = node.obj if isinstance(node, griffe.ObjectNode) else griffe.dynamic_import(cls.path)
        except ImportError:
            return
        if not (inspect.isclass(runtime) and attrs.has(runtime)):
            return
        fields = [field for field in attrs.fields(runtime) if field.init and not field.name.startswith("_")]
        self._document_fields(cls, fields)
        self._add_init(cls, runtime, fields)

    @staticmethod
    def _annotation(cls: griffe.Class, field: attrs.Attribute[Any]) -> str | griffe.Expr | None:
        annotation: str | griffe.Expr | None = getattr(cls.members.get(field.name), "annotation", None)
        if annotation is not None:
            return annotation
        if isinstance(field.type, str):
            return field.type
        return None if field.type is None else inspect.formatannotation(field.type)

    def _document_fields(self, cls: griffe.Class, fields: list[attrs.Attribute[Any]]) -> None:
        if cls.docstring is None:
            logger.warning("%s: attrs class without a docstring", cls.path)
            return
        sections = cls.docstring.parsed
        section = next((s for s in sections if isinstance(s, griffe.DocstringSectionAttributes)), None)
        if section is None:
            section = griffe.DocstringSectionAttributes([])
            # Put the fields right after the summary and text, before any Example section.
            index = next((i for i, s in enumerate(sections) if s.kind is not griffe.DocstringSectionKind.text), len(sections))
            sections.insert(index, section)
        section.attrs_fields = True  # type: ignore[attr-defined]  # read by the attributes template
        documented = {item.name: item for item in section.value}
        for field in fields:
            item = documented.get(field.name)
            if item is None:
                logger.warning("%s: field %r is not described in the docstring's 'Attributes:' section", cls.path, field.name)
                item = griffe.DocstringAttribute(name=field.name, description="")
                section.value.append(item)
            if item.annotation is None:
                item.annotation = self._annotation(cls, field)
            item.value = default_text(field)
        order = {field.name: index for index, field in enumerate(fields)}
        section.value.sort(key=lambda item: order.get(item.name, len(order)))

    def _add_init(self, cls: griffe.Class, runtime: type, fields: list[attrs.Attribute[Any]]) -> None:
        if "__init__" in cls.members:
            return
        try:
            signature = inspect.signature(runtime.__init__)  # type: ignore[misc]
        except (TypeError, ValueError):
            return
        kinds = {name: param.kind for name, param in signature.parameters.items()}
        parameters = [griffe.Parameter("self", kind=griffe.ParameterKind("positional or keyword"))]
        for field in fields:
            name = field.alias or field.name
            kind = kinds.get(name, inspect.Parameter.KEYWORD_ONLY)
            parameters.append(
                griffe.Parameter(
                    name,
                    annotation=self._annotation(cls, field),
                    kind=griffe.ParameterKind(kind.description),  # the same words in both
                    default=default_text(field),
                )
            )
        init = griffe.Function("__init__", parameters=griffe.Parameters(*parameters), returns="None")
        init.labels.add("attrs-generated")
        cls.set_member("__init__", init)
