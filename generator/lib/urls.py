"""A URL converter for one of a fixed set of words (file formats), shared by the apps' URLs."""


def choice_converter(*values: str) -> type:
    class ChoiceConverter:
        regex = "|".join(values)

        def to_python(self, value: str) -> str:
            return value

        def to_url(self, value: str) -> str:
            return value

    return ChoiceConverter
