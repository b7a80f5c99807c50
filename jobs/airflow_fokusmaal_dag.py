"""Airflow DAG for fokusmaal: the monthly run, then a status check that fails the DAG run when a
month needs a rerun (exit 1). Copy into Airflow's dags/ folder and set FOKUSMAAL_HOME and
FOKUSMAAL_LAKE as Airflow Variables (or edit the defaults below).

The jobs keep their own state (run log, Delta versions), so a retry is safe: a failed step left
the lake as the last successful one did, and the next run picks up from there.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.operators.bash import BashOperator

HOME = Variable.get("FOKUSMAAL_HOME", default_var="/opt/fokusmaal")
LAKE = Variable.get("FOKUSMAAL_LAKE", default_var="/data/fokusmaal/lake")

with DAG(
    dag_id="fokusmaal_monthly",
    description="Fokusmål and resultatmål: ingest new deliveries, rebuild what changed",
    schedule="0 6 10 * *",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=30)},
    tags=["fokusmaal", "star"],
) as dag:
    monthly = BashOperator(
        task_id="monthly",
        bash_command=f"{HOME}/jobs/monthly --lake {LAKE}",
        execution_timeout=timedelta(hours=6),
    )
    status = BashOperator(
        task_id="status",
        bash_command=f"{HOME}/jobs/fokusmaal status --lake {LAKE}",
        retries=0,
    )
    monthly >> status
