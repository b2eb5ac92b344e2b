import unittest

from app.greeting import MAX_NAME_LENGTH, greet


class GreetTest(unittest.TestCase):
    def test_greets_by_name(self) -> None:
        self.assertEqual(greet("Ada"), "Hello, Ada")

    def test_defaults_to_world(self) -> None:
        self.assertEqual(greet(None), "Hello, world")
        self.assertEqual(greet("   "), "Hello, world")

    def test_refuses_over_long_names(self) -> None:
        with self.assertRaises(ValueError):
            greet("x" * (MAX_NAME_LENGTH + 1))


if __name__ == "__main__":
    unittest.main()
