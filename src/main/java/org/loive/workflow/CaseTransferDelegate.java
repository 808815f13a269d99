package org.loive.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.loive.access.Areas;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Task "Chuyển địa bàn và công việc đang mở": the case's area moves to the new province in every
 * process of the case, so its open tasks move to that province's officers, and the engine's grants of the case's
 * instances, history and tasks to that province's supervisors.
 */
@Component("caseTransferDelegate")
class CaseTransferDelegate implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		String area = (String) execution.getVariable(ReferralVariables.TRANSFER_TO);
		Map<String, Object> moved = Map.of(ReferralVariables.AREA, area, ReferralVariables.PROVINCE, Areas.province(area));
		RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
		for (ProcessInstance instance : runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(execution.getProcessBusinessKey())
			.active()
			.list()) {
			runtime.setVariables(instance.getId(), moved);
		}
		ProvinceScope.move(execution.getProcessEngineServices(), execution.getProcessBusinessKey(), Areas.province(area));
	}
}
