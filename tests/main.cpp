#define BOOST_TEST_MODULE reachlint
#include <boost/test/unit_test.hpp>
