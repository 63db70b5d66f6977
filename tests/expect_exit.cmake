# Runs CMD with ARGS (a ;-list) and fails unless its exit code is EXPECT and it
# printed a message on stderr.
execute_process(COMMAND ${CMD} ${ARGS} RESULT_VARIABLE code ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT code EQUAL EXPECT)
  message(FATAL_ERROR "${CMD} ${ARGS}: exit code ${code}, expected ${EXPECT}; stderr: ${err}")
endif()
if(err STREQUAL "")
  message(FATAL_ERROR "${CMD} ${ARGS}: exit code ${code} but no message on stderr")
endif()
